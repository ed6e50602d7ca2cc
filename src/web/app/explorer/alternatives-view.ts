import { formatNumber, h, humanize } from './dom';
import type { Alternatives } from './scenario-api';

/** Alternatives of a stalled enterprise: per missing product, other suppliers and live routes. */
export function alternativesView(
  target: { id: string; name: string } | null,
  alternatives: Alternatives[] | string | null,
  show: (id: string) => void,
) {
  if (!target) {
    return h('p.status-line', {}, 'Run a scenario, then pick “Alternatives” next to a stalled enterprise.');
  }
  if (alternatives === null) return h('p.status-line', {}, `Looking for alternatives of ${target.name}…`);
  if (typeof alternatives === 'string') return h('p.status-line.error', {}, `Alternatives failed: ${alternatives}`);
  return h(
    'div.alternatives#alternatives',
    { 'data-for': target.id },
    h('p.status-line', {}, `Alternatives for ${target.name}, in the current scenario:`),
    alternatives.map((entry) =>
      h(
        'section.alt-product',
        { 'data-product': entry.product },
        h('h3', {}, entry.product),
        h('div.alt-caption', {}, 'Suppliers still running'),
        entry.suppliers.length
          ? h(
              'ul.alt-list.alt-suppliers',
              {},
              entry.suppliers.map((supplier) =>
                h(
                  'li',
                  { 'data-id': supplier.enterprise.id },
                  h(
                    'button.link-button',
                    { type: 'button', onclick: () => show(supplier.enterprise.id) },
                    supplier.enterprise.name,
                  ),
                  h(
                    'span.item-detail',
                    {},
                    [
                      supplier.enterprise.region,
                      supplier.hops !== null ? `${supplier.hops} hops` : 'not connected',
                      supplier.dailyCapacity !== null ? `capacity ${formatNumber(supplier.dailyCapacity)}/day` : '',
                      supplier.alreadySupplies ? 'already supplies' : '',
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  ),
                  supplier.wouldUnstall
                    ? h('span.tag.ok', { title: 'A new link from it alone restarts the enterprise' }, 'would restart')
                    : null,
                ),
              ),
            )
          : h('p.hint', {}, 'No running supplier of this product.'),
        h('div.alt-caption', {}, 'Routes from its suppliers that still deliver'),
        entry.routes.some((from) => from.routes.length)
          ? h(
              'ul.alt-list.alt-routes',
              {},
              entry.routes.flatMap((from) =>
                from.routes.map((route) =>
                  h(
                    'li',
                    { 'data-from': from.from.id },
                    h('span', {}, route.enterprises.map((enterprise) => enterprise.name).join(' → ')),
                    h('span.item-detail', {}, route.modes.map(humanize).join(', ')),
                  ),
                ),
              ),
            )
          : h('p.hint', {}, 'No live route from its suppliers.'),
      ),
    ),
    alternatives.length ? null : h('p.hint', {}, 'It misses no product.'),
  );
}
