import {
  evaluateScenario,
  findAlternativeRoutes,
  findAlternativeSuppliers,
  findUnknownScenarioIds,
  planResumption,
  rankCriticalEnterprises,
  rankCriticalLinks,
  type AlternativeRoute,
  type AlternativeSupplier,
  type CriticalEntry,
  type CriticalMeasure,
  type ImpactResult,
  type ResumptionStep,
  type Scenario,
  type SupplyGraph,
} from '../../engine';
import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import { badUserInput, type InputProblem, notFound } from '../../platform/graphql/user-errors';
import { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkCriteria } from '../supply-link/supply-link.repository';
import type { GraphSnapshotCache } from './graph-snapshot-cache';
import type { ImpactReport, ImpactSummaryType } from './impact-report.type';

function summarize(result: ImpactResult, key: (index: number) => string): ImpactSummaryType[] {
  const groups = new Map<string, ImpactSummaryType>();
  for (const affected of result.affected) {
    const k = key(affected.index);
    let group = groups.get(k);
    if (!group) {
      group = { key: k, stalledCount: 0, partialCount: 0, lostDailyOutput: 0 };
      groups.set(k, group);
    }
    if (affected.stalled) group.stalledCount += 1;
    if (affected.partial) group.partialCount += 1;
    group.lostDailyOutput += affected.lostDailyOutput;
  }
  return [...groups.values()].sort(
    (a, b) => b.lostDailyOutput - a.lostDailyOutput || b.stalledCount - a.stalledCount || a.key.localeCompare(b.key),
  );
}

/** Refuses a scenario naming ids the graph does not have, listing all of them. */
function assertKnown(graph: SupplyGraph, scenario: Scenario, path = 'scenario'): void {
  const unknown = findUnknownScenarioIds(graph, scenario);
  if (!unknown) return;
  const problems: InputProblem[] = [
    ...unknown.links.map((id) => ({ path: `${path}.blockLinks`, message: `unknown supply link "${id}"` })),
    ...unknown.enterprises.map((id) => ({ path: `${path}.blockEnterprises`, message: `unknown enterprise "${id}"` })),
    ...unknown.regions.map((id) => ({ path: `${path}.blockRegions`, message: `unknown region "${id}"` })),
  ];
  throw badUserInput(
    `The scenario names what the graph does not have: ${problems.map((p) => p.message).join(', ')}`,
    problems,
  );
}

/**
 * What-if answers over the engine: the service resolves ids against the
 * current graph and shapes results; the argument classes bound the sizes, and
 * the stall rule itself lives in src/engine. Nothing here writes to the graph.
 */
export class ImpactService {
  constructor(
    private readonly snapshots: GraphSnapshotCache,
    private readonly enterprises: EnterpriseService,
  ) {}

  /** Refuses a scenario that names ids the current graph does not have. */
  async validate(scenario: Scenario): Promise<void> {
    const { graph } = await this.snapshots.current();
    assertKnown(graph, scenario);
  }

  async impact(scenario: Scenario): Promise<ImpactReport> {
    const { graph, version } = await this.snapshots.current();
    assertKnown(graph, scenario);
    return this.report(graph, version, evaluateScenario(graph, scenario));
  }

  /** Evaluates several scenarios on one snapshot, so they compare like for like. */
  async impacts(scenarios: Scenario[]): Promise<ImpactReport[]> {
    const { graph, version } = await this.snapshots.current();
    scenarios.forEach((scenario, i) => assertKnown(graph, scenario, `scenarios[${i}]`));
    return scenarios.map((scenario) => this.report(graph, version, evaluateScenario(graph, scenario)));
  }

  async criticalLinks(
    criteria: SupplyLinkCriteria,
    top: number,
    measure: CriticalMeasure,
    includeCurrentState: boolean,
  ): Promise<CriticalEntry[]> {
    const { graph } = await this.snapshots.current();
    const products = criteria.products ? new Set(criteria.products.map((p) => graph.productIndex(p))) : null;
    const modes = criteria.modes ? new Set<string>(criteria.modes) : null;
    const blocked = criteria.statuses
      ? new Set<number>(criteria.statuses.map((s) => (s === LinkStatus.BLOCKED ? 1 : 0)))
      : null;
    const from = criteria.from ? graph.nodeIndex(criteria.from) : null;
    const to = criteria.to ? graph.nodeIndex(criteria.to) : null;
    const candidate = (l: number) =>
      (!products || products.has(graph.linkProduct[l])) &&
      (!modes || modes.has(graph.mode(l))) &&
      (!blocked || blocked.has(graph.linkBlocked[l])) &&
      (from === null || graph.linkFrom[l] === from) &&
      (to === null || graph.linkTo[l] === to);
    return rankCriticalLinks(graph, { top, measure, includeCurrentState, candidate });
  }

  async criticalEnterprises(
    criteria: EnterpriseCriteria | null,
    top: number,
    measure: CriticalMeasure,
    includeCurrentState: boolean,
  ): Promise<CriticalEntry[]> {
    const { graph } = await this.snapshots.current();
    let candidate: ((v: number) => boolean) | undefined;
    if (criteria) {
      const allowed = new Uint8Array(graph.nodeCount);
      for (const id of await this.enterprises.idsMatching(criteria)) {
        const v = graph.nodeIndex(id);
        if (v >= 0) allowed[v] = 1;
      }
      candidate = (v) => allowed[v] === 1;
    }
    return rankCriticalEnterprises(graph, { top, measure, includeCurrentState, candidate });
  }

  async alternativeSuppliers(
    enterpriseId: string,
    product: string,
    scenario: Scenario,
    limit: number,
  ): Promise<AlternativeSupplier[]> {
    const { graph } = await this.snapshots.current();
    if (graph.nodeIndex(enterpriseId) < 0) throw notFound('Enterprise', enterpriseId);
    assertKnown(graph, scenario);
    return findAlternativeSuppliers(graph, enterpriseId, product, scenario, limit);
  }

  async alternativeRoutes(
    fromId: string,
    toId: string,
    product: string,
    scenario: Scenario,
    maxHops: number,
    limit: number,
  ): Promise<AlternativeRoute[]> {
    const { graph } = await this.snapshots.current();
    for (const id of [fromId, toId]) if (graph.nodeIndex(id) < 0) throw notFound('Enterprise', id);
    assertKnown(graph, scenario);
    return findAlternativeRoutes(graph, fromId, toId, product, scenario, { maxHops, limit });
  }

  async resumptionPlan(top: number): Promise<ResumptionStep[]> {
    const { graph } = await this.snapshots.current();
    return planResumption(graph, top);
  }

  /** Impact summed per enterprise kind or per region, computed only when asked for. */
  summaries(report: ImpactReport, by: 'KIND' | 'REGION'): ImpactSummaryType[] {
    const { graph, result } = report;
    return summarize(result, by === 'KIND' ? (v) => graph.kind(v) : (v) => graph.regionName(v));
  }

  private report(graph: SupplyGraph, version: number, result: ImpactResult): ImpactReport {
    return {
      graphVersion: version,
      stalledCount: result.stalledCount,
      partialCount: result.partialCount,
      lostDailyOutput: result.lostDailyOutput,
      result,
      graph,
    };
  }
}
