import type { AffectedEnterprise, ImpactResult } from '../../engine';

/** One enterprise of a comparison group: its verdict in each scenario, and how they differ (b minus a). */
export interface ComparedRow {
  id: string;
  inA: AffectedEnterprise | null;
  inB: AffectedEnterprise | null;
  stallDayDifference: number | null;
  lostOutputValueDifference: number | null;
  lostTradeValueDifference: number | null;
}

/** Who stalls only in a, only in b, and in both: node indices in a's stall order (b's for only in b). */
export function compareResults(
  a: ImpactResult,
  b: ImpactResult,
): { onlyInA: Int32Array; onlyInB: Int32Array; inBoth: Int32Array } {
  const stalledA = a.nodes('STALLED');
  const stalledB = b.nodes('STALLED');
  return {
    onlyInA: stalledA.filter((v) => !b.isStalled(v)),
    onlyInB: stalledB.filter((v) => !a.isStalled(v)),
    inBoth: stalledA.filter((v) => b.isStalled(v)),
  };
}

/**
 * The compared rows of enterprises `nodes` (indices of the graph both results share). All of a's rows are
 * built before b's: a result evaluates again when another has used the engine's scratch space since.
 */
export function comparedRows(a: ImpactResult, b: ImpactResult, nodes: ArrayLike<number>): ComparedRow[] {
  const rowsA = Array.from(nodes, (v) => a.row(v));
  const rowsB = Array.from(nodes, (v) => b.row(v));
  const difference = (x: number | null | undefined, y: number | null | undefined) =>
    x === null || x === undefined || y === null || y === undefined ? null : y - x;
  const valueOf = (row: AffectedEnterprise | null, field: 'lostOutputValue' | 'lostTradeValue', v: number) =>
    row ? row[field] : a.graph.dailyOutputValue(v) === null ? null : 0;
  return Array.from(nodes, (v, i) => {
    const inA = rowsA[i];
    const inB = rowsB[i];
    const passThrough = a.graph.isPassThrough(v);
    return {
      id: a.graph.enterpriseId(v),
      inA,
      inB,
      stallDayDifference: inA?.stalled && inB?.stalled ? inB.stallsOnDay! - inA.stallsOnDay! : null,
      lostOutputValueDifference: passThrough
        ? null
        : difference(valueOf(inA, 'lostOutputValue', v), valueOf(inB, 'lostOutputValue', v)),
      lostTradeValueDifference: passThrough
        ? difference(valueOf(inA, 'lostTradeValue', v), valueOf(inB, 'lostTradeValue', v))
        : null,
    };
  });
}
