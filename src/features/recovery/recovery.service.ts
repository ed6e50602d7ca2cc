import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import { badUserInput } from '../../platform/graphql/user-errors';
import { ENTERPRISE_STATUSES, type EnterpriseStatus } from '../../engine';
import type { RecoveryRepository, TimelineChange } from './recovery.repository';
import type { RecoveryGrouping } from './recovery-grouping.enum';
import type { RecoveryGroup, RecoveryPoint, RecoveryTimeline } from './recovery.type';
import type { TimelineInterval } from './timeline-interval.enum';

const STATUSES = ENTERPRISE_STATUSES;
const RESUMED: ReadonlySet<string> = new Set<EnterpriseStatus>(['OPERATING', 'PARTIAL']);
const DAY_MS = 86_400_000;
const MAX_POINTS = 1_000;

interface EnterpriseState {
  status: string;
  capacityRecovery: number;
  workforceReturned: number | null;
  dailyCapacity: number | null;
}

/** Capacity weighted by dailyCapacity; a plain mean where none is known. */
function weightedCapacity(weighted: number, total: number, mean: number): number {
  return total > 0 ? weighted / total : mean;
}

/** The figures of one point, from the states of its enterprises at that moment. */
function summarize(at: string, states: EnterpriseState[]): RecoveryPoint {
  let resumed = 0,
    weighted = 0,
    total = 0,
    sum = 0,
    workforce = 0,
    workforceCount = 0;
  for (const state of states) {
    if (RESUMED.has(state.status)) resumed += 1;
    weighted += (state.dailyCapacity ?? 0) * state.capacityRecovery;
    total += state.dailyCapacity ?? 0;
    sum += state.capacityRecovery;
    if (state.workforceReturned !== null) {
      workforce += state.workforceReturned;
      workforceCount += 1;
    }
  }
  const count = states.length;
  return {
    at,
    enterpriseCount: count,
    resumedCount: resumed,
    resumedShare: count === 0 ? 0 : resumed / count,
    capacityRecovery: count === 0 ? 0 : weightedCapacity(weighted, total, sum / count),
    workforceReturned: workforceCount === 0 ? null : workforce / workforceCount,
  };
}

/** Recovery by region, kind or park: now, and over time from the status history. */
export class RecoveryService {
  constructor(private readonly repository: RecoveryRepository) {}

  async recovery(groupBy: RecoveryGrouping, criteria: EnterpriseCriteria): Promise<RecoveryGroup[]> {
    const rows = await this.repository.byGroup(groupBy, criteria);
    return rows.map((row) => {
      const counts: Record<string, number> = {
        OPERATING: row.operating,
        PARTIAL: row.partial,
        STALLED: row.stalled,
        CLOSED: row.closed,
      };
      const resumedCount = row.operating + row.partial;
      return {
        key: row.key,
        enterpriseCount: row.enterpriseCount,
        byStatus: STATUSES.map((status) => ({ status, count: counts[status] })),
        resumedCount,
        resumedShare: resumedCount / row.enterpriseCount,
        capacityRecovery: weightedCapacity(row.weightedCapacity, row.totalCapacity, row.meanCapacity),
        workforceReturned: row.workforceReturned,
      };
    });
  }

  /**
   * Replays the status history: each point holds every enterprise's latest
   * state at the end of its interval. Enterprises with no entry yet by then
   * are not counted at that point.
   */
  async timeline(
    groupBy: RecoveryGrouping,
    criteria: EnterpriseCriteria,
    from: Date,
    to: Date,
    interval: TimelineInterval,
  ): Promise<RecoveryTimeline[]> {
    if (!(from.getTime() < to.getTime()))
      throw badUserInput('from must be before to', [{ path: 'from', message: 'must be before to' }]);
    const step = interval === 'WEEK' ? 7 * DAY_MS : DAY_MS;
    const points: Date[] = [];
    for (let t = from.getTime() + step; t < to.getTime() + step; t += step)
      points.push(new Date(Math.min(t, to.getTime())));
    if (points.length > MAX_POINTS) {
      throw badUserInput(`the range holds ${points.length} intervals; at most ${MAX_POINTS} are allowed`, [
        { path: 'interval', message: `at most ${MAX_POINTS} points` },
      ]);
    }
    const changes = await this.repository.changesUntil(groupBy, criteria, to.toISOString());
    const groups = new Map<string, TimelineChange[]>();
    for (const change of changes) {
      const group = groups.get(change.key);
      if (group) group.push(change);
      else groups.set(change.key, [change]);
    }
    return [...groups.keys()].sort().map((key) => {
      const history = groups.get(key) ?? [];
      const states = new Map<string, EnterpriseState>();
      let next = 0;
      return {
        key,
        points: points.map((point) => {
          while (next < history.length && Date.parse(history[next].at) <= point.getTime()) {
            const change = history[next++];
            states.set(change.id, {
              status: change.status,
              capacityRecovery: change.capacityRecovery ?? 0,
              workforceReturned: change.workforceReturned,
              dailyCapacity: change.dailyCapacity,
            });
          }
          return summarize(point.toISOString(), [...states.values()]);
        }),
      };
    });
  }
}
