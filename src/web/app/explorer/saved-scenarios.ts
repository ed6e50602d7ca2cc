import { formatMoney, formatNumber, h, humanize } from './dom';
import type { ComparedGroup, SavedScenarioSummary, ScenarioComparison } from './scenario-api';

export interface SavedScenarioActions {
  load(saved: SavedScenarioSummary): void;
}

/** What a saved scenario blocks, in a few words. */
export function describeSaved(saved: SavedScenarioSummary): string {
  const { scenario } = saved;
  const parts = [
    scenario.blockLinks.length ? `${scenario.blockLinks.length} links` : '',
    scenario.blockEnterprises.length ? `${scenario.blockEnterprises.length} enterprises` : '',
    scenario.blockRegions.length ? scenario.blockRegions.join(', ') : '',
    scenario.blockModes.length ? scenario.blockModes.map(humanize).join(', ') : '',
    scenario.durationDays !== null ? `${formatNumber(scenario.durationDays)} days` : '',
    scenario.includeCurrentState ? 'with today' : '',
  ].filter(Boolean);
  return parts.join(' · ') || 'nothing blocked';
}

/** The saved scenarios, newest first, each with its stalled count and a button to load it. */
export function savedList(scenarios: SavedScenarioSummary[], actions: SavedScenarioActions) {
  if (!scenarios.length) return h('li.empty-item', {}, 'No saved scenario yet.');
  return scenarios.map((saved) =>
    h(
      'li.saved-item',
      { 'data-saved-id': saved.id },
      h(
        'span.saved-text',
        {},
        h('span.item-title', {}, saved.name),
        h(
          'span.item-detail',
          {},
          `${describeSaved(saved)} · ${saved.report.stalledCount} stall · −${formatMoney(saved.report.lostOutputValue)}/day`,
        ),
      ),
      h(
        'button.button.small.load-saved',
        { type: 'button', title: 'Make it the current scenario', onclick: () => actions.load(saved) },
        'Load',
      ),
    ),
  );
}

/** Options of the two compare selects. */
export function compareOptions(scenarios: SavedScenarioSummary[], selected: string | null) {
  return scenarios.map((saved) =>
    h('option', { value: saved.id, selected: saved.id === selected }, `${saved.name} (${saved.report.stalledCount})`),
  );
}

function signed(value: number, format: (n: number) => string) {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
}

function group(title: string, outcome: string, page: ComparedGroup) {
  return h(
    'div.compare-group',
    { 'data-group': outcome },
    h('h3', {}, `${title} `, h('span.badge', {}, String(page.totalCount))),
    page.totalCount
      ? h(
          'ul.compare-list',
          {},
          page.edges.map(({ node }) =>
            h(
              'li',
              { 'data-id': node.enterprise.id },
              h('span.item-title', {}, node.enterprise.name),
              h(
                'span.item-detail',
                {},
                node.stallDayDifference !== null && node.stallDayDifference !== 0
                  ? `holds out ${signed(node.stallDayDifference, formatNumber)} days in B`
                  : node.enterprise.region,
              ),
            ),
          ),
        )
      : h('p.hint', {}, 'None.'),
    page.totalCount > page.edges.length ? h('p.hint', {}, `First ${page.edges.length} shown.`) : null,
  );
}

/** Both headlines, B minus A, and who stalls only in A, only in B, or in both. */
export function comparisonView(comparison: ScenarioComparison, names: { a: string; b: string }) {
  const { a, b } = comparison;
  return h(
    'div.comparison#comparison-result',
    {},
    h(
      'table.data-table.compare-table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th.num', {}, 'Stalled'), h('th.num', {}, 'Lost / day'))),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          h('td', {}, `A: ${names.a}`),
          h('td.num', {}, String(a.stalledCount)),
          h('td.num', {}, formatMoney(a.lostOutputValue)),
        ),
        h(
          'tr',
          {},
          h('td', {}, `B: ${names.b}`),
          h('td.num', {}, String(b.stalledCount)),
          h('td.num', {}, formatMoney(b.lostOutputValue)),
        ),
        h(
          'tr.difference',
          {},
          h('td', {}, 'B − A'),
          h('td.num#compare-stalled-difference', {}, signed(comparison.stalledCountDifference, String)),
          h('td.num#compare-value-difference', {}, signed(comparison.lostOutputValueDifference, formatMoney)),
        ),
      ),
    ),
    group('Stalled only in A', 'only-a', comparison.stalledOnlyInA),
    group('Stalled only in B', 'only-b', comparison.stalledOnlyInB),
    group('Stalled in both', 'both', comparison.stalledInBoth),
  );
}
