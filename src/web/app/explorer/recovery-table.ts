import type { RecoveryGroup, RecoveryGrouping } from './api';
import { formatPercent, h, humanize } from './dom';

/** Recovery per region or kind: the most populous group first, capacity recovery as a bar. */
export function recoveryTable(groups: RecoveryGroup[], grouping: RecoveryGrouping) {
  if (!groups.length) return h('p.status-line', {}, 'No enterprises yet.');
  const sorted = [...groups].sort((a, b) => b.enterpriseCount - a.enterpriseCount || a.key.localeCompare(b.key));
  const down = (group: RecoveryGroup) =>
    group.byStatus
      .filter((entry) => entry.status === 'STALLED' || entry.status === 'CLOSED')
      .reduce((sum, entry) => sum + entry.count, 0);
  return h(
    'table.data-table#recovery-table',
    { 'data-group-by': grouping },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, grouping === 'KIND' ? 'Kind' : 'Region'),
        h('th.num', {}, 'Enterprises'),
        h('th.num', { title: 'Operating or partial' }, 'Resumed'),
        h('th.num', { title: 'Stalled or closed' }, 'Down'),
        h('th.bar-col', { title: 'capacityRecovery weighted by daily capacity' }, 'Capacity recovery'),
        h('th.num', { title: 'Mean share of staff back at work' }, 'Workforce'),
      ),
    ),
    h(
      'tbody',
      {},
      sorted.map((group) =>
        h(
          'tr',
          { 'data-key': group.key },
          h('td', {}, grouping === 'KIND' ? humanize(group.key) : group.key || '(none)'),
          h('td.num', {}, String(group.enterpriseCount)),
          h('td.num', {}, `${group.resumedCount} (${formatPercent(group.resumedShare)})`),
          h('td.num', {}, String(down(group))),
          h(
            'td.bar-col',
            {},
            h(
              'div.bar',
              { title: formatPercent(group.capacityRecovery) },
              h('div.bar-fill', {
                style: `width:${Math.max(0, Math.min(1, group.capacityRecovery)) * 100}%`,
                class: group.capacityRecovery >= 0.95 ? 'good' : group.capacityRecovery >= 0.6 ? 'fair' : 'poor',
              }),
              h('span.bar-label', {}, formatPercent(group.capacityRecovery)),
            ),
          ),
          h('td.num', {}, formatPercent(group.workforceReturned)),
        ),
      ),
    ),
  );
}
