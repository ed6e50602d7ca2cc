import { formatNumber, formatPercent, formatStallDay, h, humanize, replaceChildren, row, statusTag } from './dom';
import type { Hovered } from './graph-view';

/** The details of the enterprise or link under the pointer; `blocked` when the scenario blocks it. */
export function renderHoverCard(box: HTMLElement, element: Hovered, blocked: boolean) {
  if (element.type === 'enterprise') {
    const e = element.enterprise;
    replaceChildren(
      box,
      h('div.info-title', {}, e.name),
      h('div.info-id', {}, e.id),
      h(
        'dl',
        {},
        row('kind', humanize(e.kind)),
        row('region', e.region),
        row('status', statusTag(e.status), ` at ${formatPercent(e.capacityRecovery)}`),
        e.dailyCapacity !== null ? row('capacity', `${formatNumber(e.dailyCapacity)} ${e.unit ?? ''}/day`) : null,
        row(
          'tier',
          element.tier === 0 ? 'start' : element.tier < 0 ? `${-element.tier} upstream` : `${element.tier} downstream`,
        ),
        element.impact
          ? row(
              'impact',
              element.outcome === 'stalled'
                ? `stalls ${formatStallDay(element.impact.stallsOnDay)}`
                : `${formatPercent(element.impact.outputFraction)} output`,
            )
          : null,
      ),
      h(
        'div.info-hint',
        {},
        blocked ? 'Blocked in the scenario · click to unblock' : 'Click to block · double-click to redraw around it',
      ),
    );
  } else {
    const l = element.link;
    replaceChildren(
      box,
      h('div.info-title', {}, `${element.from?.name ?? l.fromId} → ${element.to?.name ?? l.toId}`),
      h('div.info-id', {}, l.id),
      h(
        'dl',
        {},
        row('product', l.product),
        row('mode', l.mode.toLowerCase()),
        l.volume !== null ? row('volume', `${formatNumber(l.volume)} ${l.unit ?? ''}/day`) : null,
        row('stock', `${formatNumber(l.inventoryDays ?? 0)} days at the customer`),
        row('status', l.status === 'BLOCKED' ? h('span.tag.blocked', {}, 'blocked today') : 'open'),
      ),
      h('div.info-hint', {}, blocked ? 'Blocked in the scenario · click to unblock' : 'Click to block this link'),
    );
  }
}
