import { CauseTrail } from './cause-trail';
import { idRankOf } from './id-order';
import { OutputLossAccumulator, type LostOutputByUnit, type OutputLossTotals } from './output-value';
import { selectBest } from './select-best';
import type { StatePropagation } from './state-propagation';
import type { SupplyGraph } from './supply-graph';

export interface AffectedEnterprise {
  index: number;
  id: string;
  /** §3, within the window when durationDays is set. */
  stalled: boolean;
  /** Stalled because it is itself down in the scenario but not in the baseline. */
  direct: boolean;
  /** Not stalled, but a pass-through lost some of its baseline products, or its fraction dropped by more than 1e-9. */
  partial: boolean;
  baselineFraction: number;
  outputFraction: number;
  /** Physical output lost, in the enterprise's own unit: (dailyCapacity ?? 0) * (baselineFraction - outputFraction). */
  lostDailyOutput: number;
  /** §8, producers only: dailyOutputValue * (baselineFraction - outputFraction); null when its value is unknown. */
  lostOutputValue: number | null;
  /** §8, pass-throughs only: the same, the value of the goods it no longer forwards; null when unknown. */
  lostTradeValue: number | null;
  /** T(v) of §5 when stalled (0 when direct), else null. */
  stallsOnDay: number | null;
  /** Products it had in the baseline and no longer gets within the window, sorted. */
  missingInputs: string[];
  /** Link ids from a block to it, upstream first; [] when direct. */
  cause: string[];
}

/** Which affected enterprises a page is taken from, each in the order of ImpactResult. */
export type AffectedGroup = 'ALL' | 'STALLED' | 'PARTIAL';

/** Impact summed over one kind or region. */
export interface ImpactSummary {
  key: string;
  stalledCount: number;
  partialCount: number;
  /** §8: over the group's producers. */
  lostOutputValue: number;
  /** §8: over the group's pass-throughs. */
  lostTradeValue: number;
  /** Affected producers of the group without a dailyOutputValue. */
  unvaluedProducerCount: number;
}

const STALLED = 1;
const DIRECT = 2;
const PARTIAL = 4;

/** Pages this deep or shallower are picked by selection; deeper ones sort the whole group once. */
const SELECT_LIMIT = 2_000;

/** The per-enterprise numbers of one evaluation, one compact array per field, in discovery order. */
export interface AffectedColumns {
  node: Int32Array;
  /** STALLED | DIRECT | PARTIAL bits. */
  flags: Uint8Array;
  /** T(v) when stalled, else NaN. */
  day: Float64Array;
  baseline: Float64Array;
  fraction: Float64Array;
  /** Physical output lost, in each enterprise's own unit (never summed across enterprises). */
  lost: Float64Array;
  /** §8 lost value (output value for producers, trade value for pass-throughs); NaN when unknown. */
  lostValue: Float64Array;
}

/**
 * The impact of one scenario. Counts, totals and one compact array per
 * field over the affected enterprises are computed with the evaluation, in
 * time linear in what it touched; rows (AffectedEnterprise objects, with
 * their cause chains and missing inputs) only for what a caller asks for:
 * `rows(group, offset, limit)` pages in the documented order, `row(index)`
 * gives one enterprise, `affected` gives them all.
 *
 * Order: stalled first, then by stallsOnDay, then by id.
 *
 * Cause chains and missing inputs are read from the evaluation's scratch
 * space. When another evaluation has reused it since, the scenario is
 * evaluated again first (same answer, it is deterministic), so a result stays
 * valid for as long as it is kept.
 */
export class ImpactResult implements OutputLossTotals {
  readonly stalledCount: number;
  readonly partialCount: number;
  /** §8: lost output value over the affected producers, CNY per day. */
  readonly lostOutputValue: number;
  /** §8: lost trade value over the affected pass-throughs, kept apart. */
  readonly lostTradeValue: number;
  /** §8: physical output lost by producers, per unit. */
  readonly lostOutputByUnit: LostOutputByUnit[];
  readonly affectedProducerCount: number;
  /** Affected producers without a dailyOutputValue: what lostOutputValue leaves out. */
  readonly unvaluedProducerCount: number;
  /** Link indices that deliver in the baseline and stop within the window (blocked ones included). */
  readonly failedLinkIndices: Int32Array;

  private readonly columns: AffectedColumns;
  private sortedStalled: Int32Array | null = null;
  private sortedPartial: Int32Array | null = null;
  private positionOfNode: Map<number, number> | null = null;
  private readonly rowCache = new Map<number, AffectedEnterprise>();
  private trail: CauseTrail | null = null;
  private runId: number;
  private failedLinkList: number[] | null = null;

  constructor(
    readonly graph: SupplyGraph,
    private readonly run: StatePropagation,
    private readonly rerun: () => void,
  ) {
    this.runId = run.runId;
    const loss = new OutputLossAccumulator(graph);
    const { columns, stalled } = affectedColumns(graph, run, loss);
    this.columns = columns;
    this.stalledCount = stalled;
    this.partialCount = columns.node.length - stalled;
    const totals = loss.totals();
    this.lostOutputValue = totals.lostOutputValue;
    this.lostTradeValue = totals.lostTradeValue;
    this.lostOutputByUnit = totals.lostOutputByUnit;
    this.affectedProducerCount = totals.affectedProducerCount;
    this.unvaluedProducerCount = totals.unvaluedProducerCount;
    this.failedLinkIndices = run.failedLinks.view().slice();
  }

  /** Stalled plus partial enterprises. */
  get affectedCount(): number {
    return this.columns.node.length;
  }

  /** failedLinkIndices as a plain array (kept for callers of the earlier interface). */
  get failedLinks(): number[] {
    this.failedLinkList ??= Array.from(this.failedLinkIndices);
    return this.failedLinkList;
  }

  /** Every affected enterprise, in order; builds every row (use rows() to page). */
  get affected(): AffectedEnterprise[] {
    return this.rows('ALL', 0, this.affectedCount);
  }

  /** The compact per-enterprise arrays, in discovery order (not sorted). */
  get affectedColumns(): AffectedColumns {
    return this.columns;
  }

  /** Rows offset .. offset + limit - 1 of the group, in order. */
  rows(group: AffectedGroup, offset: number, limit: number): AffectedEnterprise[] {
    return Array.from(this.positions(group, offset, limit), (k) => this.rowAt(k));
  }

  /** Node indices of rows offset .. offset + limit - 1 of the group, in order, without building rows. */
  nodes(group: AffectedGroup, offset = 0, limit = Infinity): Int32Array {
    return Int32Array.from(this.positions(group, offset, limit), (k) => this.columns.node[k]);
  }

  /** The row of enterprise `index`, or null when it is not affected. */
  row(index: number): AffectedEnterprise | null {
    const k = this.positionOf(index);
    return k < 0 ? null : this.rowAt(k);
  }

  /** Whether enterprise `index` is stalled (§3, within the window), without building its row. */
  isStalled(index: number): boolean {
    const k = this.positionOf(index);
    return k >= 0 && (this.columns.flags[k] & STALLED) !== 0;
  }

  private positionOf(index: number): number {
    if (this.positionOfNode === null) {
      const positions = new Map<number, number>();
      this.columns.node.forEach((v, k) => positions.set(v, k));
      this.positionOfNode = positions;
    }
    return this.positionOfNode.get(index) ?? -1;
  }

  /** Count of the group's rows. */
  count(group: AffectedGroup): number {
    return group === 'ALL' ? this.affectedCount : group === 'STALLED' ? this.stalledCount : this.partialCount;
  }

  /**
   * Impact per enterprise kind or region: most lost output value first, then
   * most lost trade value, then most stalled, then by key.
   */
  summarize(by: 'KIND' | 'REGION'): ImpactSummary[] {
    const graph = this.graph;
    const keys = by === 'KIND' ? graph.nodeKind : graph.nodeRegion;
    const groups = new Map<number, ImpactSummary>();
    const { node, flags, lostValue } = this.columns;
    for (let k = 0; k < node.length; k++) {
      const v = node[k];
      const key = keys[v];
      let group = groups.get(key);
      if (group === undefined) {
        const name = by === 'KIND' ? graph.kind(v) : graph.regionNameAt(key);
        group = {
          key: name,
          stalledCount: 0,
          partialCount: 0,
          lostOutputValue: 0,
          lostTradeValue: 0,
          unvaluedProducerCount: 0,
        };
        groups.set(key, group);
      }
      if ((flags[k] & STALLED) !== 0) group.stalledCount++;
      else group.partialCount++;
      const value = lostValue[k];
      if (graph.nodePassThrough[v] === 1) {
        if (!Number.isNaN(value)) group.lostTradeValue += value;
      } else if (Number.isNaN(value)) group.unvaluedProducerCount++;
      else group.lostOutputValue += value;
    }
    return [...groups.values()].sort(
      (a, b) =>
        b.lostOutputValue - a.lostOutputValue ||
        b.lostTradeValue - a.lostTradeValue ||
        b.stalledCount - a.stalledCount ||
        a.key.localeCompare(b.key),
    );
  }

  /** Positions (into the columns) of the group's rows offset .. offset + limit - 1. */
  private positions(group: AffectedGroup, offset: number, limit: number): Int32Array {
    const start = Math.max(0, Math.floor(offset));
    const total = this.count(group);
    const end = Math.min(total, start + Math.max(0, Math.floor(limit)));
    if (end <= start) return new Int32Array(0);
    if (group === 'ALL') {
      const stalled = this.positions('STALLED', start, end - start);
      const fromPartial = Math.max(0, start - this.stalledCount);
      const partial = this.positions('PARTIAL', fromPartial, end - start - stalled.length);
      const both = new Int32Array(stalled.length + partial.length);
      both.set(stalled);
      both.set(partial, stalled.length);
      return both;
    }
    const stalled = group === 'STALLED';
    const sorted = stalled ? this.sortedStalled : this.sortedPartial;
    if (sorted !== null) return sorted.subarray(start, end);
    if (end <= SELECT_LIMIT && end * 8 < total) return this.select(stalled, end).subarray(start, end);
    const all = this.sortGroup(stalled);
    if (stalled) this.sortedStalled = all;
    else this.sortedPartial = all;
    return all.subarray(start, end);
  }

  private inGroup(k: number, stalled: boolean): boolean {
    return ((this.columns.flags[k] & STALLED) !== 0) === stalled;
  }

  /** Order within a group: by day (stalled), then by id. */
  private compare(a: number, b: number): number {
    const { day, node } = this.columns;
    const dayA = day[a];
    const dayB = day[b];
    if (dayA !== dayB && !(Number.isNaN(dayA) && Number.isNaN(dayB))) return dayA - dayB;
    return this.graph.compareEnterpriseIds(node[a], node[b]);
  }

  /** The first `count` of the group, without sorting all of it. */
  private select(stalled: boolean, count: number): Int32Array {
    const positions = new Int32Array(this.columns.node.length);
    for (let k = 0; k < positions.length; k++) positions[k] = k;
    const best = selectBest(
      positions,
      count,
      (a, b) => this.compare(a, b) < 0,
      (k) => this.inGroup(k, stalled),
    );
    return Int32Array.from(best);
  }

  /** The whole group in order: ids ranked once per graph, days bucketed. */
  private sortGroup(stalled: boolean): Int32Array {
    const { node, day } = this.columns;
    const idRank = idRankOf(this.graph);
    const members: number[] = [];
    for (let k = 0; k < node.length; k++) if (this.inGroup(k, stalled)) members.push(k);
    const byId = Int32Array.from(members, (k) => idRank[node[k]]).sort();
    const positionByRank = new Int32Array(this.graph.nodeCount);
    for (const k of members) positionByRank[idRank[node[k]]] = k;
    const inIdOrder = Int32Array.from(byId, (rank) => positionByRank[rank]);
    if (!stalled) return inIdOrder;
    // Stable by day: one bucket per distinct day, in id order within.
    const days = [...new Set(Array.from(inIdOrder, (k) => day[k]))].sort((a, b) => a - b);
    const bucketOf = new Map(days.map((d, i) => [d, i]));
    const starts = new Int32Array(days.length + 1);
    for (const k of inIdOrder) starts[bucketOf.get(day[k])! + 1]++;
    for (let i = 0; i < days.length; i++) starts[i + 1] += starts[i];
    const sorted = new Int32Array(inIdOrder.length);
    for (const k of inIdOrder) sorted[starts[bucketOf.get(day[k])!]++] = k;
    return sorted;
  }

  private rowAt(k: number): AffectedEnterprise {
    const cached = this.rowCache.get(k);
    if (cached !== undefined) return cached;
    const graph = this.graph;
    const { node, flags, day, baseline, fraction, lost, lostValue } = this.columns;
    const v = node[k];
    const passThrough = graph.nodePassThrough[v] === 1;
    const value = Number.isNaN(lostValue[k]) ? null : lostValue[k];
    const stalled = (flags[k] & STALLED) !== 0;
    const direct = (flags[k] & DIRECT) !== 0;
    const run = this.current();
    let cause: string[] = [];
    if (!direct) {
      this.trail!.record(v);
      cause = this.trail!.chain(v).map((l) => graph.linkId(l));
    }
    const row: AffectedEnterprise = {
      index: v,
      id: graph.enterpriseId(v),
      stalled,
      direct,
      partial: (flags[k] & PARTIAL) !== 0,
      baselineFraction: baseline[k],
      outputFraction: fraction[k],
      lostDailyOutput: lost[k],
      lostOutputValue: passThrough ? null : value,
      lostTradeValue: passThrough ? value : null,
      stallsOnDay: stalled ? day[k] : null,
      missingInputs: missingInputs(graph, run, v),
      cause,
    };
    this.rowCache.set(k, row);
    return row;
  }

  /** The scratch space holding this evaluation, evaluated again if another one has used it since. */
  private current(): StatePropagation {
    if (this.run.runId !== this.runId) {
      this.rerun();
      this.runId = this.run.runId;
      this.trail = null;
    }
    this.trail ??= new CauseTrail(this.run);
    return this.run;
  }
}

/** Touched enterprises above 1 / SCAN_ALL_SHARE of all make affectedColumns walk all of them. */
const SCAN_ALL_SHARE = 4;

/** A fraction this much below the baseline makes an enterprise partial. */
const PARTIAL_EPSILON = 1e-9;

/**
 * Stalled or partial enterprises of a run, with their numbers, and their
 * losses added to `loss`: one pass over the touched enterprises into arrays
 * of that size, of which the affected ones' part is kept (no list grown one
 * entry at a time). When a large share of the graph was touched (a region,
 * a mode), the pass walks all enterprises in index order instead of the
 * touched list: reading every per-enterprise column front to back beats
 * jumping to each touched one.
 */
function affectedColumns(
  graph: SupplyGraph,
  run: StatePropagation,
  loss: OutputLossAccumulator,
): { columns: AffectedColumns; stalled: number } {
  const touched = run.touchedNodes.view();
  const base = run.baseState.fraction;
  const size = touched.length;
  const node = new Int32Array(size);
  const flags = new Uint8Array(size);
  const day = new Float64Array(size);
  const baseline = new Float64Array(size);
  const fraction = new Float64Array(size);
  const lost = new Float64Array(size);
  const lostValue = new Float64Array(size);
  let count = 0;
  let stalledCount = 0;
  const visit = (v: number): void => {
    const stalled = run.isStalled(v);
    const now = run.fraction(v);
    const before = base[v];
    const partial =
      !stalled && ((graph.nodePassThrough[v] === 1 && run.lostSomePort(v)) || now < before - PARTIAL_EPSILON);
    if (!stalled && !partial) return;
    node[count] = v;
    flags[count] = stalled ? STALLED | (run.isDirect(v) ? DIRECT : 0) : PARTIAL;
    day[count] = stalled ? run.stallDay(v)! : NaN;
    baseline[count] = before;
    fraction[count] = now;
    const capacity = graph.nodeDailyCapacity[v];
    lost[count] = Number.isNaN(capacity) ? 0 : capacity * (before - now);
    lostValue[count] = graph.nodeDailyOutputValue[v] * (before - now);
    loss.add(v, before - now, true);
    if (stalled) stalledCount++;
    count++;
  };
  if (size * SCAN_ALL_SHARE > graph.nodeCount) {
    for (let v = 0; v < graph.nodeCount; v++) if (run.isTouched(v)) visit(v);
  } else {
    for (let k = 0; k < size; k++) visit(touched[k]);
  }
  const columns = {
    node: node.subarray(0, count),
    flags: flags.subarray(0, count),
    day: day.subarray(0, count),
    baseline: baseline.subarray(0, count),
    fraction: fraction.subarray(0, count),
    lost: lost.subarray(0, count),
    lostValue: lostValue.subarray(0, count),
  };
  return { columns, stalled: stalledCount };
}

/** Not stalled, but a pass-through lost some of its baseline products, or its fraction dropped by more than 1e-9. */
export function isPartial(graph: SupplyGraph, run: StatePropagation, v: number): boolean {
  if (run.isStalled(v)) return false;
  if (graph.nodePassThrough[v] === 1 && run.lostSomePort(v)) return true;
  return run.fraction(v) < run.baseState.fraction[v] - PARTIAL_EPSILON;
}

function missingInputs(graph: SupplyGraph, run: StatePropagation, v: number): string[] {
  const products: string[] = [];
  const passThrough = graph.nodePassThrough[v] === 1;
  for (let q = graph.nodePortStart[v]; q < graph.nodePortStart[v + 1]; q++) {
    const missing = passThrough ? run.isPortFailed(q) : run.isPortEmptied(q);
    if (missing) products.push(graph.productName(graph.portProduct[q]));
  }
  return products.sort();
}
