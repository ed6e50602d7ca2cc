import type { ResumptionStep } from './api';
import { formatMoney, h } from './dom';

/** The resumption plan of today's state: what to reopen first, with the output value each step brings back. */
export function resumptionTable(steps: ResumptionStep[] | string | null) {
  if (steps === null) return h('p.status-line', {}, 'Planning…');
  if (typeof steps === 'string') return h('p.status-line.error', {}, `The resumption plan failed: ${steps}`);
  if (!steps.length) return h('p.status-line', {}, 'Nothing is blocked, stalled or closed today.');
  return h(
    'table.data-table#resumption-plan',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th.num', {}, 'Step'),
        h('th', {}, 'Reopen or restart'),
        h('th.num', { title: 'Enterprises no longer stalled after this step' }, 'Restarts'),
        h(
          'th.num',
          { title: 'Output value this step brings back, CNY a day, every enterprise at its capacity recovery' },
          'Recovered / day',
        ),
        h('th.num', { title: 'Brought back by this step and all before it' }, 'Cumulative'),
      ),
    ),
    h(
      'tbody',
      {},
      steps.map((step) =>
        h(
          'tr',
          { 'data-step': String(step.step) },
          h('td.num', {}, String(step.step)),
          h(
            'td',
            {},
            step.link
              ? h(
                  'span.link-ends',
                  { title: `Reopen the ${step.link.product} link ${step.link.id}` },
                  step.link.from.name,
                  h('span.arrow', {}, ' → '),
                  step.link.to.name,
                )
              : h('span', { title: `Restart ${step.enterprise?.id ?? ''}` }, `Restart ${step.enterprise?.name ?? ''}`),
          ),
          h('td.num', {}, String(step.restartedCount)),
          h('td.num.money', {}, formatMoney(step.recoveredOutputValue)),
          h('td.num.money', {}, formatMoney(step.cumulativeRecoveredOutputValue)),
        ),
      ),
    ),
  );
}
