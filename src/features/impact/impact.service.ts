import {
  evaluateScenario,
  findAlternativeRoutes,
  findAlternativeSuppliers,
  findSupplyPaths,
  planResumption,
  type AlternativeRoute,
  type AlternativeSupplier,
  type CriticalEntry,
  type ImpactResult,
  type ResumptionStep,
  type Scenario,
  type SupplyGraph,
  type SupplyPathFound,
} from '../../engine';
import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import { notFound } from '../../platform/graphql/user-errors';
import type { GraphSnapshotCache } from './graph-snapshot-cache';
import type { ImpactReport, ImpactSummaryType } from './impact-report.type';
import { normalisedScenario, scenarioScope } from './scenario-scope';
import {
  criticalEnterprisesOn,
  criticalLinksOn,
  productProblems,
  refuseProblems,
  scenarioProblems,
  type LinkCandidateCriteria,
  type RankingRequest,
} from './impact-computations';

/** Refuses a scenario naming ids or names the graph does not have, listing all of them. */
function assertKnown(graph: SupplyGraph, scenario: Scenario, path = 'scenario'): void {
  refuseProblems('The scenario', scenarioProblems(graph, scenario, path));
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
    return report(graph, version, scenario, evaluateScenario(graph, scenario));
  }

  /** Evaluates several scenarios on one snapshot, so they compare like for like. */
  async impacts(scenarios: Scenario[], paths: string[]): Promise<ImpactReport[]> {
    const { graph, version } = await this.snapshots.current();
    scenarios.forEach((scenario, i) => assertKnown(graph, scenario, paths[i]));
    return scenarios.map((scenario) => report(graph, version, scenario, evaluateScenario(graph, scenario)));
  }

  async criticalLinks(criteria: LinkCandidateCriteria, request: RankingRequest): Promise<CriticalEntry[]> {
    const { graph } = await this.snapshots.current();
    return criticalLinksOn(graph, criteria, request);
  }

  async criticalEnterprises(criteria: EnterpriseCriteria | null, request: RankingRequest): Promise<CriticalEntry[]> {
    const allowed = criteria ? await this.enterprises.idsMatching(criteria) : null;
    const { graph } = await this.snapshots.current();
    return criticalEnterprisesOn(graph, allowed, request);
  }

  async alternativeSuppliers(
    enterpriseId: string,
    product: string,
    scenario: Scenario,
    limit: number,
  ): Promise<AlternativeSupplier[]> {
    const { graph } = await this.snapshots.current();
    if (graph.nodeIndex(enterpriseId) < 0) throw notFound('Enterprise', enterpriseId);
    refuseProblems('The query', productProblems(graph, product));
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
    refuseProblems('The query', productProblems(graph, product));
    assertKnown(graph, scenario);
    return findAlternativeRoutes(graph, fromId, toId, product, scenario, { maxHops, limit });
  }

  async resumptionPlan(top: number, includeCurrentState: boolean): Promise<ResumptionStep[]> {
    const { graph } = await this.snapshots.current();
    return planResumption(graph, { top, includeCurrentState });
  }

  /** Shortest supply paths along which goods can flow (see findSupplyPaths); both ends must exist. */
  async supplyPaths(fromId: string, toId: string, maxDepth: number, first: number): Promise<SupplyPathFound[]> {
    const { graph } = await this.snapshots.current();
    for (const id of [fromId, toId]) if (graph.nodeIndex(id) < 0) throw notFound('Enterprise', id);
    return findSupplyPaths(graph, fromId, toId, { maxDepth, first });
  }

  /** Impact summed per enterprise kind or per region, computed only when asked for. */
  summaries(report: ImpactReport, by: 'KIND' | 'REGION'): ImpactSummaryType[] {
    return report.result.summarize(by);
  }
}

function report(graph: SupplyGraph, version: number, scenario: Scenario, result: ImpactResult): ImpactReport {
  return {
    graphVersion: version,
    scope: scenarioScope('impact', version, normalisedScenario(scenario)),
    stalledCount: result.stalledCount,
    partialCount: result.partialCount,
    lostOutputValue: result.lostOutputValue,
    lostTradeValue: result.lostTradeValue,
    lostOutputByUnit: result.lostOutputByUnit,
    affectedProducerCount: result.affectedProducerCount,
    unvaluedProducerCount: result.unvaluedProducerCount,
    result,
    graph,
  };
}
