import {
  evaluateScenario,
  findAlternativeRoutes,
  findAlternativeSuppliers,
  findSupplyPaths,
  planResumption,
  type AffectedEnterprise,
  type AlternativeRoute,
  type AlternativeSupplier,
  type CriticalEntry,
  type ImpactResult,
  type ImpactSummary,
  type LostOutputByUnit,
  type ResumptionStep,
  type Scenario,
  type SupplyGraph,
  type SupplyPathFound,
} from '../../engine';
import { notFound } from '../../platform/graphql/user-errors';
import { defineJob, type JobLane } from '../engine-runtime/engine-job';
import {
  criticalEnterprisesOn,
  criticalLinksOn,
  productProblems,
  refuseProblems,
  scenarioProblems,
  type LinkCandidateCriteria,
  type RankingRequest,
} from './impact-computations';
import { compareResults, comparedRows, type ComparedRow } from './compare-results';

/**
 * The impact feature's work for the engine's worker threads: plain
 * arguments in, plain answers out (see EngineJob). Each answer holds what
 * the GraphQL query asked for (ImpactNeeds), since the engine's lazy result
 * stays behind in the worker. A job checks again the ids and names its
 * arguments rely on (the graph may be newer than the one the main thread
 * checked) and refuses them with the same errors, which cross to the main
 * thread as they are.
 */

/** A page of stalled or partial enterprises, in the order of ImpactResult. */
export interface PageNeed {
  group: 'STALLED' | 'PARTIAL';
  offset: number;
  limit: number;
}

/** What a query reads of an impact report, beyond its counts. */
export interface ImpactNeeds {
  pages: PageNeed[];
  summaries: ('KIND' | 'REGION')[];
  /** maxNodes of each `graph` asked for. */
  drawings: number[];
}

export const NO_NEEDS: ImpactNeeds = { pages: [], summaries: [], drawings: [] };

/** The affected subgraph for drawing, capped at maxNodes enterprises. */
export interface ImpactDrawing {
  maxNodes: number;
  nodes: AffectedEnterprise[];
  sourceIds: string[];
  linkIds: string[];
  truncated: boolean;
}

/** One impact report: its totals (§8), and the pages, summaries and drawings asked for. */
export interface ImpactAnswer {
  stalledCount: number;
  partialCount: number;
  lostOutputValue: number;
  lostTradeValue: number;
  lostOutputByUnit: LostOutputByUnit[];
  affectedProducerCount: number;
  unvaluedProducerCount: number;
  pages: (PageNeed & { rows: AffectedEnterprise[] })[];
  summaries: Partial<Record<'KIND' | 'REGION', ImpactSummary[]>>;
  drawings: ImpactDrawing[];
}

/** Blocks this large touch most of a big graph: they take seconds at a million enterprises. */
const MANY_BLOCKS = 1_000;

/** Regions, modes, link filters and long block lists are long jobs; a few links or enterprises are short. */
function scenarioLane(scenario: Scenario): JobLane {
  const wide =
    (scenario.blockRegions?.length ?? 0) > 0 ||
    (scenario.blockModes?.length ?? 0) > 0 ||
    (scenario.blockLinksWhere?.length ?? 0) > 0;
  const blocks = (scenario.blockLinks?.length ?? 0) + (scenario.blockEnterprises?.length ?? 0);
  return wide || blocks > MANY_BLOCKS ? 'long' : 'short';
}

function answer(graph: SupplyGraph, result: ImpactResult, needs: ImpactNeeds): ImpactAnswer {
  const summaries: ImpactAnswer['summaries'] = {};
  for (const by of needs.summaries) summaries[by] ??= result.summarize(by);
  return {
    stalledCount: result.stalledCount,
    partialCount: result.partialCount,
    lostOutputValue: result.lostOutputValue,
    lostTradeValue: result.lostTradeValue,
    lostOutputByUnit: result.lostOutputByUnit,
    affectedProducerCount: result.affectedProducerCount,
    unvaluedProducerCount: result.unvaluedProducerCount,
    pages: needs.pages.map((page) => ({ ...page, rows: result.rows(page.group, page.offset, page.limit) })),
    summaries,
    drawings: needs.drawings.map((maxNodes) => drawing(graph, result, maxNodes)),
  };
}

/** The first maxNodes affected enterprises, and the failed links into them. */
function drawing(graph: SupplyGraph, result: ImpactResult, maxNodes: number): ImpactDrawing {
  const nodes = result.rows('ALL', 0, maxNodes);
  const drawn = new Set(nodes.map((n) => n.index));
  const sources = new Set<number>();
  const linkIds: string[] = [];
  for (const l of result.failedLinkIndices) {
    if (!drawn.has(graph.linkTo[l])) continue;
    linkIds.push(graph.linkId(l));
    if (!drawn.has(graph.linkFrom[l])) sources.add(graph.linkFrom[l]);
  }
  return {
    maxNodes,
    nodes,
    sourceIds: [...sources].map((v) => graph.enterpriseId(v)),
    linkIds,
    truncated: result.count('ALL') > maxNodes,
  };
}

/** Refuses a scenario naming ids or names the graph does not have, listing all of them. */
export function assertKnown(graph: SupplyGraph, scenario: Scenario, path = 'scenario'): void {
  refuseProblems('The scenario', scenarioProblems(graph, scenario, path));
}

/** Refuses enterprise ids the graph does not have (NOT_FOUND), and a product no link carries. */
export function assertEnterprisesAndProduct(graph: SupplyGraph, ids: string[], product: string): void {
  for (const id of ids) if (graph.nodeIndex(id) < 0) throw notFound('Enterprise', id);
  refuseProblems('The query', productProblems(graph, product));
}

export interface ImpactArgs {
  scenario: Scenario;
  needs: ImpactNeeds;
  /** Where the scenario is in the request, for the errors. */
  path?: string;
}

/** A page of one comparison group. */
export interface ComparisonPageNeed {
  group: 'ONLY_IN_A' | 'ONLY_IN_B' | 'IN_BOTH';
  offset: number;
  limit: number;
}

export interface CompareArgs {
  a: ImpactArgs;
  b: ImpactArgs;
  pages: ComparisonPageNeed[];
}

export interface CompareAnswer {
  a: ImpactAnswer;
  b: ImpactAnswer;
  counts: Record<ComparisonPageNeed['group'], number>;
  pages: (ComparisonPageNeed & { rows: ComparedRow[] })[];
}

export const IMPACT_JOBS = {
  impact: defineJob({
    lane: (args: ImpactArgs) => scenarioLane(args.scenario),
    run: (graph, { scenario, needs, path }: ImpactArgs): ImpactAnswer => {
      assertKnown(graph, scenario, path);
      return answer(graph, evaluateScenario(graph, scenario), needs);
    },
  }),

  /** Two scenarios on the same graph, and who stalls in one and not the other. */
  compare: defineJob({
    lane: (args: CompareArgs) => (scenarioLane(args.a.scenario) === 'long' ? 'long' : scenarioLane(args.b.scenario)),
    run: (graph, { a, b, pages }: CompareArgs): CompareAnswer => {
      assertKnown(graph, a.scenario, a.path);
      assertKnown(graph, b.scenario, b.path);
      const resultA = evaluateScenario(graph, a.scenario);
      const resultB = evaluateScenario(graph, b.scenario);
      const groups = compareResults(resultA, resultB);
      const nodesOf = { ONLY_IN_A: groups.onlyInA, ONLY_IN_B: groups.onlyInB, IN_BOTH: groups.inBoth };
      return {
        // Each result evaluates again when the other used the scratch space since: answers one after the other.
        a: answer(graph, resultA, a.needs),
        b: answer(graph, resultB, b.needs),
        counts: { ONLY_IN_A: groups.onlyInA.length, ONLY_IN_B: groups.onlyInB.length, IN_BOTH: groups.inBoth.length },
        pages: pages.map((page) => ({
          ...page,
          rows: comparedRows(resultA, resultB, nodesOf[page.group].subarray(page.offset, page.offset + page.limit)),
        })),
      };
    },
  }),

  criticalLinks: defineJob({
    lane: 'long',
    run: (
      graph,
      { criteria, request }: { criteria: LinkCandidateCriteria; request: RankingRequest },
    ): CriticalEntry[] => criticalLinksOn(graph, criteria, request),
  }),

  criticalEnterprises: defineJob({
    lane: 'long',
    run: (graph, { ids, request }: { ids: string[] | null; request: RankingRequest }): CriticalEntry[] =>
      criticalEnterprisesOn(graph, ids, request),
  }),

  /** Each returned candidate may rebuild the index once (wouldUnstall): long. */
  alternativeSuppliers: defineJob({
    lane: 'long',
    run: (
      graph,
      args: { enterpriseId: string; product: string; scenario: Scenario; limit: number },
    ): AlternativeSupplier[] => {
      assertEnterprisesAndProduct(graph, [args.enterpriseId], args.product);
      assertKnown(graph, args.scenario);
      return findAlternativeSuppliers(graph, args.enterpriseId, args.product, args.scenario, args.limit);
    },
  }),

  alternativeRoutes: defineJob({
    lane: 'short',
    run: (
      graph,
      args: { fromId: string; toId: string; product: string; scenario: Scenario; maxHops: number; limit: number },
    ): AlternativeRoute[] => {
      assertEnterprisesAndProduct(graph, [args.fromId, args.toId], args.product);
      assertKnown(graph, args.scenario);
      return findAlternativeRoutes(graph, args.fromId, args.toId, args.product, args.scenario, {
        maxHops: args.maxHops,
        limit: args.limit,
      });
    },
  }),

  resumptionPlan: defineJob({
    lane: 'long',
    run: (graph, options: { top: number; includeCurrentState: boolean }): ResumptionStep[] =>
      planResumption(graph, options),
  }),

  supplyPaths: defineJob({
    lane: 'short',
    run: (graph, args: { fromId: string; toId: string; maxDepth: number; first: number }): SupplyPathFound[] => {
      for (const id of [args.fromId, args.toId]) if (graph.nodeIndex(id) < 0) throw notFound('Enterprise', id);
      return findSupplyPaths(graph, args.fromId, args.toId, { maxDepth: args.maxDepth, first: args.first });
    },
  }),
};
