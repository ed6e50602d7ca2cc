import type { EnterpriseSummary } from './api';
import { h, humanize, statusTag } from './dom';
import { KIND_COLOURS } from './palette';

/** One search hit: a button that draws the chain around the enterprise; `current` when it is drawn. */
export function searchResultItem(enterprise: EnterpriseSummary, current: boolean, open: (id: string) => void) {
  return h(
    'li',
    {},
    h(
      'button.result.search-result',
      {
        type: 'button',
        'data-id': enterprise.id,
        'aria-current': current ? 'true' : null,
        onclick: () => open(enterprise.id),
      },
      h('span.kind-dot', {
        style: `background:${KIND_COLOURS[enterprise.kind] ?? KIND_COLOURS.OTHER}`,
        title: humanize(enterprise.kind),
      }),
      h(
        'span.result-text',
        {},
        h('span.result-name', {}, enterprise.name),
        h(
          'span.result-meta',
          {},
          `${humanize(enterprise.kind)} · ${enterprise.region} · `,
          statusTag(enterprise.status),
        ),
      ),
    ),
  );
}

/** Demo enterprises offered as a start, as chips. */
export function suggestionChips(suggestions: EnterpriseSummary[], open: (id: string) => void) {
  return [
    h('span.hint', {}, 'Or start from:'),
    suggestions.map((enterprise) =>
      h(
        'button.chip.suggestion',
        { type: 'button', 'data-id': enterprise.id, onclick: () => open(enterprise.id) },
        h('span.kind-dot', { style: `background:${KIND_COLOURS[enterprise.kind]}` }),
        `${enterprise.name} (${enterprise.region.split('/').pop()})`,
      ),
    ),
  ];
}
