import { AFFECTED_PAGE_SIZE, type AffectedEnterprise, type ImpactReport } from './api';
import { formatMoney, formatNumber, formatPercent, formatStallDay, h } from './dom';
import { KIND_COLOURS } from './palette';

export interface AffectedActions {
  /** Whether the enterprise is in the drawn chain. */
  inGraph(id: string): boolean;
  /** Shows it: focuses it in the graph, or draws the chain around it. */
  show(id: string): void;
  /** Looks for other suppliers and routes of what a stalled enterprise misses. */
  alternatives?(item: AffectedEnterprise): void;
}

type Outcome = 'stalled' | 'partial';

/** The stalled and the partial enterprises of an impact report, each list with its count. */
export function impactLists(report: ImpactReport, actions: AffectedActions) {
  const section = (title: string, page: ImpactReport['stalled'], outcome: Outcome) => {
    if (!page.totalCount) return null;
    const shown = page.edges.length;
    return h(
      'div.affected',
      {},
      h('h3', {}, `${title} `, h('span.badge', {}, String(page.totalCount))),
      h(
        'ul.affected-list',
        { 'data-outcome': outcome },
        page.edges.map((edge) => affectedItem(edge.node, outcome, actions)),
      ),
      page.totalCount > shown
        ? h('p.hint', {}, `First ${shown} of ${page.totalCount} shown (${AFFECTED_PAGE_SIZE} at most).`)
        : null,
    );
  };
  return [section('Stalled', report.stalled, 'stalled'), section('Partial', report.partial, 'partial')];
}

/** What an enterprise loses a day: its output value (a producer) or trade value (a pass-through), else its output. */
function lostText(item: AffectedEnterprise): string {
  const unit = item.enterprise.unit ? ` ${item.enterprise.unit}` : '';
  if (item.lostOutputValue !== null) return ` · −${formatMoney(item.lostOutputValue)}/day`;
  if (item.lostTradeValue !== null) return ` · −${formatMoney(item.lostTradeValue)} trade/day`;
  return ` · −${formatNumber(item.lostDailyOutput)}${unit}/day`;
}

function affectedItem(item: AffectedEnterprise, outcome: Outcome, actions: AffectedActions) {
  const inGraph = actions.inGraph(item.enterprise.id);
  const unit = item.enterprise.unit ? ` ${item.enterprise.unit}` : '';
  const from =
    item.stallsOnDay !== null && item.stallsOnDay !== undefined ? ` from ${formatStallDay(item.stallsOnDay)}` : '';
  return h(
    'li.affected-row',
    {},
    h(
      'button.affected-item',
      {
        type: 'button',
        'data-id': item.enterprise.id,
        title: inGraph ? 'Show in the graph' : 'Not in the drawn chain: click to draw the chain around it',
        onclick: () => actions.show(item.enterprise.id),
      },
      h('span.kind-dot', { style: `background:${KIND_COLOURS[item.enterprise.kind] ?? KIND_COLOURS.OTHER}` }),
      h(
        'span.affected-text',
        {},
        h(
          'span.affected-name',
          {},
          item.enterprise.name,
          item.direct ? h('span.tag.direct', { title: 'Blocked directly by the scenario' }, 'direct') : null,
        ),
        h(
          'span.affected-meta',
          { title: `Output lost: ${formatNumber(item.lostDailyOutput)}${unit} a day` },
          outcome === 'stalled'
            ? `stalls ${formatStallDay(item.stallsOnDay)}`
            : `${formatPercent(item.outputFraction)} output${from}`,
          lostText(item),
          item.missingInputs.length ? ` · missing ${item.missingInputs.join(', ')}` : '',
        ),
      ),
      inGraph ? null : h('span.off-graph', { title: 'Not in the drawn chain' }, '↗'),
    ),
    outcome === 'stalled' && actions.alternatives
      ? h(
          'button.alt-button',
          {
            type: 'button',
            'data-alternatives-for': item.enterprise.id,
            title: 'Other suppliers and routes for what it misses',
            onclick: () => actions.alternatives?.(item),
          },
          'Alternatives',
        )
      : null,
  );
}
