import type { SupplyGraph } from './supply-graph';

/** Physical output lost in one unit; amounts of different units are never added. */
export interface LostOutputByUnit {
  /** null for enterprises with a dailyCapacity but no unit recorded. */
  unit: string | null;
  amount: number;
}

/** The loss accounting of §8 over a set of enterprises. */
export interface OutputLossTotals {
  /** CNY: dailyOutputValue x lost share, summed over producers only. */
  lostOutputValue: number;
  /** CNY: the same over pass-throughs, kept apart because they forward what producers made. */
  lostTradeValue: number;
  /** dailyCapacity x lost share over producers, per unit, sorted by unit (null last). */
  lostOutputByUnit: LostOutputByUnit[];
  /** Producers counted as affected. */
  affectedProducerCount: number;
  /** Affected producers without a dailyOutputValue: how much of the picture lostOutputValue misses. */
  unvaluedProducerCount: number;
}

/**
 * Lost value of one enterprise (§8): dailyOutputValue x (baseline fraction -
 * scenario fraction), in CNY per day; null when its value is unknown. For a
 * producer this is lost output value, for a pass-through lost trade value.
 */
export function lostValueOf(graph: SupplyGraph, v: number, baselineFraction: number, fraction: number): number | null {
  const value = graph.nodeDailyOutputValue[v];
  return Number.isNaN(value) ? null : value * (baselineFraction - fraction);
}

/**
 * Sums §8 losses enterprise by enterprise, with no allocation per call.
 *
 * Each enterprise is added with its lost share: baseline fraction - scenario
 * fraction for one day, or that summed over days (lost normal days), since
 * every total is linear in it. A negative share (running above the
 * baseline) counts as a negative loss.
 */
export class OutputLossAccumulator {
  lostOutputValue = 0;
  lostTradeValue = 0;
  affectedProducerCount = 0;
  unvaluedProducerCount = 0;
  private readonly byUnit: Float64Array;
  private readonly unitSeen: Uint8Array;
  private unknownUnitAmount = 0;
  private unknownUnitSeen = false;

  constructor(private readonly graph: SupplyGraph) {
    this.byUnit = new Float64Array(graph.unitCount);
    this.unitSeen = new Uint8Array(graph.unitCount);
  }

  /**
   * Adds enterprise v's lost share and returns its lost value (0 when its
   * value is unknown). `affected` (stalled or partial, as the caller
   * decides) only feeds the coverage counts.
   */
  add(v: number, lostShare: number, affected: boolean): number {
    const graph = this.graph;
    const value = graph.nodeDailyOutputValue[v];
    const known = !Number.isNaN(value);
    const lost = known ? value * lostShare : 0;
    if (graph.nodePassThrough[v] === 1) {
      this.lostTradeValue += lost;
      return lost;
    }
    this.lostOutputValue += lost;
    if (affected) {
      this.affectedProducerCount++;
      if (!known) this.unvaluedProducerCount++;
    }
    const capacity = graph.nodeDailyCapacity[v];
    if (!Number.isNaN(capacity)) {
      const unit = graph.nodeUnit[v];
      if (unit < 0) {
        this.unknownUnitAmount += capacity * lostShare;
        this.unknownUnitSeen = true;
      } else {
        this.byUnit[unit] += capacity * lostShare;
        this.unitSeen[unit] = 1;
      }
    }
    return lost;
  }

  totals(): OutputLossTotals {
    const byUnit: LostOutputByUnit[] = [];
    for (let u = 0; u < this.byUnit.length; u++) {
      if (this.unitSeen[u] === 1) byUnit.push({ unit: this.graph.unitName(u), amount: this.byUnit[u] });
    }
    byUnit.sort((a, b) => (a.unit! < b.unit! ? -1 : a.unit! > b.unit! ? 1 : 0));
    if (this.unknownUnitSeen) byUnit.push({ unit: null, amount: this.unknownUnitAmount });
    return {
      lostOutputValue: this.lostOutputValue,
      lostTradeValue: this.lostTradeValue,
      lostOutputByUnit: byUnit,
      affectedProducerCount: this.affectedProducerCount,
      unvaluedProducerCount: this.unvaluedProducerCount,
    };
  }

  clear(): void {
    this.lostOutputValue = 0;
    this.lostTradeValue = 0;
    this.affectedProducerCount = 0;
    this.unvaluedProducerCount = 0;
    this.byUnit.fill(0);
    this.unitSeen.fill(0);
    this.unknownUnitAmount = 0;
    this.unknownUnitSeen = false;
  }
}

/**
 * §8 totals for the enterprises `nodes`, with `baselineFractions[i]` and
 * `fractions[i]` the baseline and scenario fractions of `nodes[i]`. Every
 * enterprise given counts as affected for coverage, so pass the affected
 * ones (stalled or partial).
 */
export function summarizeOutputLoss(
  graph: SupplyGraph,
  nodes: ArrayLike<number>,
  baselineFractions: ArrayLike<number>,
  fractions: ArrayLike<number>,
): OutputLossTotals {
  if (baselineFractions.length !== nodes.length || fractions.length !== nodes.length) {
    throw new RangeError('summarizeOutputLoss: nodes, baselineFractions and fractions must have the same length');
  }
  const accumulator = new OutputLossAccumulator(graph);
  for (let i = 0; i < nodes.length; i++) accumulator.add(nodes[i], baselineFractions[i] - fractions[i], true);
  return accumulator.totals();
}
