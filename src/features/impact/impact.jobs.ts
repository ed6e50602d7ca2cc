import {
  evaluateScenario,
  findAlternativeRoutes,
  findAlternativeSuppliers,
  findUnknownScenarioIds,
  planResumption,
  rankCriticalEnterprises,
  rankCriticalLinks,
  type AffectedEnterprise,
  type AlternativeRoute,
  type AlternativeSupplier,
  type CriticalMeasure,
  type ImpactResult,
  type ImpactSummary,
  type ResumptionStep,
  type Scenario,
  type SupplyGraph,
  type UnknownScenarioIds,
} from '../../engine';
import { defineJob, type JobLane } from '../engine-runtime/engine-job';
import type { SupplyLinkCriteria } from '../supply-link/supply-link.repository';

/**
 * The impact feature's work for the engine's worker threads: plain
 * arguments in, plain answers out (see EngineJob). Each answer holds what
 * the GraphQL query asked for (ImpactNeeds), since the engine's lazy result
 * stays behind in the worker.
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

/** One impact report: counts, and the pages, summaries and drawings asked for. */
export interface ImpactAnswer {
  stalledCount: number;
  partialCount: number;
  lostDailyOutput: number;
  pages: (PageNeed & { rows: AffectedEnterprise[] })[];
  summaries: Partial<Record<'KIND' | 'REGION', ImpactSummary[]>>;
  drawings: ImpactDrawing[];
}

/** The ids a scenario names that the graph the job ran on lacks (deleted since the main thread checked). */
export interface UnknownIds {
  unknown: UnknownScenarioIds;
}

/** Blocks this large touch most of a big graph: they take seconds at a million enterprises. */
const MANY_BLOCKS = 1_000;

/** Regions, modes and long block lists are long jobs; a few links or enterprises are short. */
function scenarioLane(scenario: Scenario): JobLane {
  const wide = (scenario.blockRegions?.length ?? 0) > 0 || (scenario.blockModes?.length ?? 0) > 0;
  const blocks = (scenario.blockLinks?.length ?? 0) + (scenario.blockEnterprises?.length ?? 0);
  return wide || blocks > MANY_BLOCKS ? 'long' : 'short';
}

function answer(graph: SupplyGraph, result: ImpactResult, needs: ImpactNeeds): ImpactAnswer {
  const summaries: ImpactAnswer['summaries'] = {};
  for (const by of needs.summaries) summaries[by] ??= result.summarize(by);
  return {
    stalledCount: result.stalledCount,
    partialCount: result.partialCount,
    lostDailyOutput: result.lostDailyOutput,
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
    truncated: result.affectedCount > maxNodes,
  };
}

/** The scenario naming these enterprises too, so one check covers every id a job relies on. */
function withEnterprises(scenario: Scenario, ids: string[]): Scenario {
  return { ...scenario, blockEnterprises: [...(scenario.blockEnterprises ?? []), ...ids] };
}

function unknownIn(graph: SupplyGraph, scenario: Scenario): UnknownIds | null {
  const unknown = findUnknownScenarioIds(graph, scenario);
  return unknown ? { unknown } : null;
}

export interface ImpactArgs {
  scenario: Scenario;
  needs: ImpactNeeds;
}

export interface CompareAnswer {
  a: ImpactAnswer;
  b: ImpactAnswer;
  stalledOnlyInA: AffectedEnterprise[];
  stalledOnlyInB: AffectedEnterprise[];
  stalledInBoth: number;
}

export interface CriticalLinksArgs {
  criteria: SupplyLinkCriteria;
  top: number;
  measure: CriticalMeasure;
  includeCurrentState: boolean;
}

export interface CriticalEnterprisesArgs {
  /** Only these enterprises are candidates; null: all of them. */
  ids: string[] | null;
  top: number;
  measure: CriticalMeasure;
  includeCurrentState: boolean;
}

/** A ranked candidate, by id. */
export interface RankedEntry {
  id: string;
  stalledCount: number;
  lostDailyOutput: number;
}

/** Links matching the criteria, as the ranking's candidate test. */
function linkCandidate(graph: SupplyGraph, criteria: SupplyLinkCriteria): (l: number) => boolean {
  const products = criteria.products ? new Set(criteria.products.map((p) => graph.productIndex(p))) : null;
  const modes = criteria.modes ? new Set<string>(criteria.modes) : null;
  const blocked = criteria.statuses ? new Set<number>(criteria.statuses.map((s) => (s === 'BLOCKED' ? 1 : 0))) : null;
  const from = criteria.from ? graph.nodeIndex(criteria.from) : null;
  const to = criteria.to ? graph.nodeIndex(criteria.to) : null;
  return (l) =>
    (!products || products.has(graph.linkProduct[l])) &&
    (!modes || modes.has(graph.mode(l))) &&
    (!blocked || blocked.has(graph.linkBlocked[l])) &&
    (from === null || graph.linkFrom[l] === from) &&
    (to === null || graph.linkTo[l] === to);
}

const ranked = ({ id, stalledCount, lostDailyOutput }: RankedEntry): RankedEntry => ({
  id,
  stalledCount,
  lostDailyOutput,
});

export const IMPACT_JOBS = {
  impact: defineJob({
    lane: (args: ImpactArgs) => scenarioLane(args.scenario),
    run: (graph, { scenario, needs }: ImpactArgs): ImpactAnswer | UnknownIds =>
      unknownIn(graph, scenario) ?? answer(graph, evaluateScenario(graph, scenario), needs),
  }),

  /** Two scenarios on the same graph, and who stalls in one and not the other. */
  compare: defineJob({
    lane: (args: { a: ImpactArgs; b: ImpactArgs }) =>
      scenarioLane(args.a.scenario) === 'long' ? 'long' : scenarioLane(args.b.scenario),
    run: (graph, { a, b }: { a: ImpactArgs; b: ImpactArgs }): CompareAnswer | UnknownIds => {
      const unknown = unknownIn(graph, a.scenario) ?? unknownIn(graph, b.scenario);
      if (unknown) return unknown;
      const resultA = evaluateScenario(graph, a.scenario);
      const resultB = evaluateScenario(graph, b.scenario);
      const onlyIn = (one: ImpactResult, other: ImpactResult) =>
        Array.from(one.nodes('STALLED'))
          .filter((v) => !other.isStalled(v))
          .map((v) => one.row(v) as AffectedEnterprise);
      // Rows of B first, while B's evaluation is the one in the scratch space; then A's (evaluated again once).
      const answerB = answer(graph, resultB, b.needs);
      const stalledOnlyInB = onlyIn(resultB, resultA);
      const answerA = answer(graph, resultA, a.needs);
      const stalledOnlyInA = onlyIn(resultA, resultB);
      return {
        a: answerA,
        b: answerB,
        stalledOnlyInA,
        stalledOnlyInB,
        stalledInBoth: resultA.stalledCount - stalledOnlyInA.length,
      };
    },
  }),

  criticalLinks: defineJob({
    lane: 'long',
    run: (graph, { criteria, top, measure, includeCurrentState }: CriticalLinksArgs): RankedEntry[] =>
      rankCriticalLinks(graph, { top, measure, includeCurrentState, candidate: linkCandidate(graph, criteria) }).map(
        ranked,
      ),
  }),

  criticalEnterprises: defineJob({
    lane: 'long',
    run: (graph, { ids, top, measure, includeCurrentState }: CriticalEnterprisesArgs): RankedEntry[] => {
      let candidate: ((v: number) => boolean) | undefined;
      if (ids) {
        const allowed = new Uint8Array(graph.nodeCount);
        for (const id of ids) {
          const v = graph.nodeIndex(id);
          if (v >= 0) allowed[v] = 1;
        }
        candidate = (v) => allowed[v] === 1;
      }
      return rankCriticalEnterprises(graph, { top, measure, includeCurrentState, candidate }).map(ranked);
    },
  }),

  /** Each returned candidate may rebuild the index once (wouldUnstall): long. */
  alternativeSuppliers: defineJob({
    lane: 'long',
    run: (
      graph,
      args: { enterpriseId: string; product: string; scenario: Scenario; limit: number },
    ): AlternativeSupplier[] | UnknownIds =>
      unknownIn(graph, withEnterprises(args.scenario, [args.enterpriseId])) ??
      findAlternativeSuppliers(graph, args.enterpriseId, args.product, args.scenario, args.limit),
  }),

  alternativeRoutes: defineJob({
    lane: 'short',
    run: (
      graph,
      args: { fromId: string; toId: string; product: string; scenario: Scenario; maxHops: number; limit: number },
    ): AlternativeRoute[] | UnknownIds =>
      unknownIn(graph, withEnterprises(args.scenario, [args.fromId, args.toId])) ??
      findAlternativeRoutes(graph, args.fromId, args.toId, args.product, args.scenario, {
        maxHops: args.maxHops,
        limit: args.limit,
      }),
  }),

  resumptionPlan: defineJob({
    lane: 'long',
    run: (graph, { top }: { top: number }): ResumptionStep[] => planResumption(graph, top),
  }),
};

/** True when a job found ids the graph no longer has. */
export function isUnknownIds(value: unknown): value is UnknownIds {
  return typeof value === 'object' && value !== null && 'unknown' in value;
}
