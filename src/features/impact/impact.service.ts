import type {
  AlternativeRoute,
  AlternativeSupplier,
  CriticalEntry,
  ResumptionStep,
  Scenario,
  SupplyGraph,
  SupplyPathFound,
} from '../../engine';
import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { JobRunner } from '../engine-runtime/engine-job';
import type { ImpactReport } from './impact-report.type';
import type { LinkCandidateCriteria, RankingRequest } from './impact-computations';
import { normalisedScenario, scenarioScope } from './scenario-scope';
import {
  assertEnterprisesAndProduct,
  assertKnown,
  IMPACT_JOBS,
  NO_NEEDS,
  type CompareAnswer,
  type ComparisonPageNeed,
  type ImpactAnswer,
  type ImpactArgs,
  type ImpactNeeds,
} from './impact.jobs';

/** What the impact service needs of the engine runtime: its jobs, run on a current graph. */
export type ImpactEngine = JobRunner<typeof IMPACT_JOBS>;

function toReport(graphVersion: number, scenario: Scenario, answer: ImpactAnswer): ImpactReport {
  const { stalledCount, partialCount, lostOutputValue, lostTradeValue } = answer;
  const { lostOutputByUnit, affectedProducerCount, unvaluedProducerCount } = answer;
  return {
    graphVersion,
    scope: scenarioScope('impact', graphVersion, normalisedScenario(scenario)),
    stalledCount,
    partialCount,
    lostOutputValue,
    lostTradeValue,
    lostOutputByUnit,
    affectedProducerCount,
    unvaluedProducerCount,
    answer,
  };
}

/** Two reports on one graph version, and the comparison groups' counts and the pages asked for. */
export interface Comparison {
  a: ImpactReport;
  b: ImpactReport;
  groups: Pick<CompareAnswer, 'counts' | 'pages'>;
}

/**
 * What-if answers over the engine: ids and names are checked against the
 * current graph here (cheap, on the main thread's view of it), the engine
 * work runs as a job in a worker thread (IMPACT_JOBS), and the answers are
 * shaped for GraphQL. The argument classes bound the sizes; the stall rule
 * itself lives in src/engine. Nothing here writes to the graph.
 */
export class ImpactService {
  constructor(
    private readonly engine: ImpactEngine,
    private readonly enterprises: EnterpriseService,
  ) {}

  /** Refuses a scenario that names ids the current graph does not have. */
  async validate(scenario: Scenario, path = 'scenario'): Promise<void> {
    const { graph } = await this.engine.snapshot();
    assertKnown(graph, scenario, path);
  }

  /** The impact of a scenario, with the pages, summaries and drawings `needs` names. */
  async impact(scenario: Scenario, needs: ImpactNeeds = NO_NEEDS): Promise<ImpactReport> {
    const check = (graph: SupplyGraph) => assertKnown(graph, scenario);
    const { version, result } = await this.engine.evaluate('impact', { scenario, needs }, check);
    return toReport(version, scenario, result);
  }

  /** Two scenarios evaluated on one graph, so they compare like for like; `pages` of the groups asked for. */
  async compare(a: ImpactArgs, b: ImpactArgs, pages: ComparisonPageNeed[] = []): Promise<Comparison> {
    const check = (graph: SupplyGraph) => {
      assertKnown(graph, a.scenario, a.path);
      assertKnown(graph, b.scenario, b.path);
    };
    const { version, result } = await this.engine.evaluate('compare', { a, b, pages }, check);
    return {
      a: toReport(version, a.scenario, result.a),
      b: toReport(version, b.scenario, result.b),
      groups: { counts: result.counts, pages: result.pages },
    };
  }

  async criticalLinks(criteria: LinkCandidateCriteria, request: RankingRequest): Promise<CriticalEntry[]> {
    return (await this.engine.evaluate('criticalLinks', { criteria, request })).result;
  }

  async criticalEnterprises(criteria: EnterpriseCriteria | null, request: RankingRequest): Promise<CriticalEntry[]> {
    const ids = criteria ? await this.enterprises.idsMatching(criteria) : null;
    return (await this.engine.evaluate('criticalEnterprises', { ids, request })).result;
  }

  async alternativeSuppliers(
    enterpriseId: string,
    product: string,
    scenario: Scenario,
    limit: number,
  ): Promise<AlternativeSupplier[]> {
    const check = (graph: SupplyGraph) => {
      assertEnterprisesAndProduct(graph, [enterpriseId], product);
      assertKnown(graph, scenario);
    };
    const args = { enterpriseId, product, scenario, limit };
    return (await this.engine.evaluate('alternativeSuppliers', args, check)).result;
  }

  async alternativeRoutes(
    fromId: string,
    toId: string,
    product: string,
    scenario: Scenario,
    maxHops: number,
    limit: number,
  ): Promise<AlternativeRoute[]> {
    const check = (graph: SupplyGraph) => {
      assertEnterprisesAndProduct(graph, [fromId, toId], product);
      assertKnown(graph, scenario);
    };
    const args = { fromId, toId, product, scenario, maxHops, limit };
    return (await this.engine.evaluate('alternativeRoutes', args, check)).result;
  }

  async resumptionPlan(top: number, includeCurrentState: boolean): Promise<ResumptionStep[]> {
    return (await this.engine.evaluate('resumptionPlan', { top, includeCurrentState })).result;
  }

  /** Shortest supply paths along which goods can flow (see findSupplyPaths); both ends must exist. */
  async supplyPaths(fromId: string, toId: string, maxDepth: number, first: number): Promise<SupplyPathFound[]> {
    const args = { fromId, toId, maxDepth, first };
    return (await this.engine.evaluate('supplyPaths', args)).result;
  }
}
