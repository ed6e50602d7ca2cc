import type { CriticalLink } from './api';
import { formatMoney, formatNumber, h } from './dom';

export interface CriticalLinksState {
  /** The ranking, or null while it loads. */
  links: CriticalLink[] | null;
  error: string | null;
}

export interface CriticalLinkActions {
  isBlocked(linkId: string): boolean;
  /** Blocks or unblocks the link in the scenario. */
  toggle(linkId: string): void;
}

/** The top critical links, each row a click to block or unblock it in the scenario. */
export function criticalTable(state: CriticalLinksState, actions: CriticalLinkActions) {
  if (state.error) return h('p.status-line.error', {}, `Critical links are not available: ${state.error}`);
  if (!state.links) return h('p.status-line', {}, 'Ranking links…');
  if (!state.links.length) return h('p.status-line', {}, 'No link stalls anything on its own.');
  return h(
    'table.data-table#critical-links',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th.num', {}, '#'),
        h('th', {}, 'Supply link'),
        h('th', {}, 'Product'),
        h('th', {}, 'Mode'),
        h('th.num', { title: 'Days of stock at the customer' }, 'Stock'),
        h('th.num', { title: 'Enterprises that stall when this link alone is blocked' }, 'Stalls'),
        h(
          'th.num',
          { title: 'Output value lost by producers when this link alone is blocked, CNY a day' },
          'Lost value / day',
        ),
        h('th', {}, ''),
      ),
    ),
    h(
      'tbody',
      {},
      state.links.map((item, index) => {
        const inScenario = actions.isBlocked(item.link.id);
        return h(
          'tr.clickable',
          {
            'data-link-id': item.link.id,
            class: inScenario ? 'selected' : '',
            title: inScenario
              ? 'Blocked in the scenario: click to unblock'
              : 'Click to block this link in the scenario',
            onclick: () => actions.toggle(item.link.id),
          },
          h('td.num', {}, String(index + 1)),
          h(
            'td',
            {},
            h('span.link-ends', {}, item.link.from.name, h('span.arrow', {}, ' → '), item.link.to.name),
            item.link.status === 'BLOCKED' ? h('span.tag.blocked', {}, 'blocked today') : null,
          ),
          h('td', {}, item.link.product),
          h('td', {}, item.link.mode.toLowerCase()),
          h('td.num', {}, `${formatNumber(item.link.inventoryDays ?? 0)} d`),
          h('td.num', {}, String(item.stalledCount)),
          h('td.num.money', {}, formatMoney(item.lostOutputValue)),
          h('td.action', {}, h('span.toggle-label', {}, inScenario ? 'Unblock' : 'Block')),
        );
      }),
    ),
  );
}
