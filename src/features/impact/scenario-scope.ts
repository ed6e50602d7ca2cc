import { createHash } from 'node:crypto';
import type { AffectedEnterprise, Scenario } from '../../engine';
import type { AffectedEnterpriseType, ImpactReport } from './impact-report.type';

/** JSON with object keys sorted at every level, so equal values give equal text whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The scope of a what-if answer: a hash of what it was computed from (the
 * kind of answer, the engine's scenario or simulation input, the graph
 * version), the same on every service instance. Per-scenario rows carry it in
 * their ids so normalised client caches never merge two scenarios' rows.
 */
export function scenarioScope(kind: 'impact' | 'simulation', graphVersion: number, input: unknown): string {
  const hash = createHash('sha256').update(canonicalJson({ kind, graphVersion, input })).digest('hex');
  return `${kind}-${hash.slice(0, 16)}`;
}

/** The id of an enterprise's row in one what-if answer: `<scope>:<enterprise id>`. */
export function scopedId(scope: string, enterpriseId: string): string {
  return `${scope}:${enterpriseId}`;
}

/** Sorted, without repeats; the lists of a scenario are sets. */
function setOf(items: readonly string[] | undefined): string[] {
  return [...new Set(items ?? [])].sort();
}

/** A scenario in one spelling: lists as sorted sets, defaults filled in, so equal scenarios share a scope. */
export function normalisedScenario(scenario: Scenario): Scenario {
  return {
    blockLinks: setOf(scenario.blockLinks),
    blockEnterprises: setOf(scenario.blockEnterprises),
    blockRegions: setOf(scenario.blockRegions),
    blockModes: setOf(scenario.blockModes) as Scenario['blockModes'],
    blockLinksWhere: scenario.blockLinksWhere ?? [],
    includeCurrentState: scenario.includeCurrentState ?? false,
    durationDays: scenario.durationDays ?? null,
  };
}

/** Engine rows as rows of the report: ids scoped to it, the enterprise id kept for `enterprise`. */
export function scopedRows(
  report: Pick<ImpactReport, 'scope'>,
  rows: readonly AffectedEnterprise[],
): AffectedEnterpriseType[] {
  return rows.map((row) => scopedRow(report, row));
}

/** One engine row as a row of the report. */
export function scopedRow(report: Pick<ImpactReport, 'scope'>, row: AffectedEnterprise): AffectedEnterpriseType {
  return { ...row, id: scopedId(report.scope, row.id), enterpriseId: row.id };
}
