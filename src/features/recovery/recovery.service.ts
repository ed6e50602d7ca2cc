import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import { badUserInput } from '../../platform/graphql/user-errors';
import { ENTERPRISE_STATUSES, type EnterpriseStatus } from '../../engine';
import { changeTime } from '../history/change-time';
import type { RecoveryAggregate, RecoveryRepository, TimelineChange } from './recovery.repository';
import type { RecoveryGrouping } from './recovery-grouping.enum';
import type { RecoveryFigures, RecoveryGroup, RecoveryTimeline } from './recovery.type';
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

/** The figures of a group from the states of its enterprises at one moment. */
function figuresOf(states: Iterable<EnterpriseState>): RecoveryFigures {
  const counts: Record<string, number> = { OPERATING: 0, PARTIAL: 0, STALLED: 0, CLOSED: 0 };
  let weighted = 0,
    total = 0,
    sum = 0,
    count = 0,
    workforce = 0,
    workforceCount = 0;
  for (const state of states) {
    count += 1;
    counts[state.status] = (counts[state.status] ?? 0) + 1;
    weighted += (state.dailyCapacity ?? 0) * state.capacityRecovery;
    total += state.dailyCapacity ?? 0;
    sum += state.capacityRecovery;
    if (state.workforceReturned !== null) {
      workforce += state.workforceReturned;
      workforceCount += 1;
    }
  }
  return figures(
    count,
    counts,
    weightedCapacity(weighted, total, count === 0 ? 0 : sum / count),
    workforceCount === 0 ? null : workforce / workforceCount,
  );
}

function figures(
  count: number,
  counts: Record<string, number>,
  capacityRecovery: number,
  workforceReturned: number | null,
): RecoveryFigures {
  const resumedCount = [...RESUMED].reduce((n, status) => n + (counts[status] ?? 0), 0);
  return {
    enterpriseCount: count,
    byStatus: STATUSES.map((status) => ({ status, count: counts[status] ?? 0 })),
    resumedCount,
    resumedShare: count === 0 ? 0 : resumedCount / count,
    capacityRecovery,
    workforceReturned,
  };
}

/** The figures of a group as Neo4j aggregated them from the current state. */
function figuresOfAggregate(row: RecoveryAggregate): RecoveryFigures {
  const counts = { OPERATING: row.operating, PARTIAL: row.partial, STALLED: row.stalled, CLOSED: row.closed };
  return figures(
    row.enterpriseCount,
    counts,
    weightedCapacity(row.weightedCapacity, row.totalCapacity, row.meanCapacity),
    row.workforceReturned,
  );
}

/**
 * Replays history entries (oldest first, by at and then commit order) into
 * each group's enterprise states; `until` bounds what is applied, and is
 * called in increasing order.
 */
class HistoryReplay {
  private readonly states = new Map<string, Map<string, EnterpriseState>>();
  private next = 0;

  constructor(private readonly changes: TimelineChange[]) {}

  advanceTo(until: number): void {
    const changes = this.changes;
    while (this.next < changes.length && Date.parse(changes[this.next].at) <= until) {
      const change = changes[this.next++];
      let group = this.states.get(change.key);
      if (!group) this.states.set(change.key, (group = new Map()));
      group.set(change.id, {
        status: change.status,
        capacityRecovery: change.capacityRecovery ?? 0,
        workforceReturned: change.workforceReturned,
        dailyCapacity: change.dailyCapacity,
      });
    }
  }

  /** Every group key in the changes, sorted. */
  keys(): string[] {
    return [...new Set(this.changes.map((c) => c.key))].sort();
  }

  figures(key: string): RecoveryFigures {
    return figuresOf(this.states.get(key)?.values() ?? []);
  }
}

/**
 * Recovery by region, kind or park: now, at a moment, and over time. The
 * history is one time series per enterprise, ordered by `at` and then by
 * commit order, and its newest entry is the current state: so recovery at a
 * moment and each point of the timeline replay the same entries the same
 * way, and recovery now is the timeline's last point.
 */
export class RecoveryService {
  constructor(
    private readonly repository: RecoveryRepository,
    private readonly enterprises: EnterpriseService,
  ) {}

  /**
   * Recovery now (from the current state, aggregated in Neo4j), or at `at`
   * replayed from the history; enterprises with no entry by then are not
   * counted, and groups without any are left out.
   */
  async recovery(
    groupBy: RecoveryGrouping,
    criteria: EnterpriseCriteria,
    at?: string | null,
  ): Promise<RecoveryGroup[]> {
    await this.enterprises.assertKnownRegions(criteria.regions, 'filter.region');
    if (at === null || at === undefined) {
      const rows = await this.repository.byGroup(groupBy, criteria);
      return rows.map((row) => ({ key: row.key, ...figuresOfAggregate(row) }));
    }
    const moment = Date.parse(changeTime(at));
    const replay = new HistoryReplay(
      await this.repository.changesUntil(groupBy, criteria, new Date(moment).toISOString()),
    );
    replay.advanceTo(moment);
    return replay.keys().map((key) => ({ key, ...replay.figures(key) }));
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
    await this.enterprises.assertKnownRegions(criteria.regions, 'filter.region');
    const replay = new HistoryReplay(await this.repository.changesUntil(groupBy, criteria, to.toISOString()));
    const timelines = replay.keys().map((key): RecoveryTimeline => ({ key, points: [] }));
    for (const point of points) {
      replay.advanceTo(point.getTime());
      for (const timeline of timelines)
        timeline.points.push({ at: point.toISOString(), ...replay.figures(timeline.key) });
    }
    return timelines;
  }
}
