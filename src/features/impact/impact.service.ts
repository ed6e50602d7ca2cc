import type { ResumptionStep, Scenario, SupplyGraph, UnknownScenarioIds } from '../../engine';
import type { CriticalMeasure } from '../../engine';
import type { EnterpriseCriteria } from '../enterprise/enterprise.repository';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import { badUserInput, type InputProblem, notFound } from '../../platform/graphql/user-errors';
import { findUnknownScenarioIds } from '../../engine';
import type { JobRunner } from '../engine-runtime/engine-job';
import type { SupplyLinkCriteria } from '../supply-link/supply-link.repository';
import type { ImpactReport } from './impact-report.type';
import {
  IMPACT_JOBS,
  isUnknownIds,
  NO_NEEDS,
  type ImpactAnswer,
  type ImpactArgs,
  type ImpactNeeds,
  type RankedEntry,
  type UnknownIds,
} from './impact.jobs';
import type { AffectedEnterpriseType } from './impact-report.type';

/** What the impact service needs of the engine runtime: its jobs, run on a current graph. */
export type ImpactEngine = JobRunner<typeof IMPACT_JOBS>;

/** The error naming every id a scenario names that the graph does not have. */
function unknownIdsError(unknown: UnknownScenarioIds, path: string) {
  const problems: InputProblem[] = [
    ...unknown.links.map((id) => ({ path: `${path}.blockLinks`, message: `unknown supply link "${id}"` })),
    ...unknown.enterprises.map((id) => ({ path: `${path}.blockEnterprises`, message: `unknown enterprise "${id}"` })),
    ...unknown.regions.map((id) => ({ path: `${path}.blockRegions`, message: `unknown region "${id}"` })),
  ];
  return badUserInput(
    `The scenario names what the graph does not have: ${problems.map((p) => p.message).join(', ')}`,
    problems,
  );
}

/** Refuses a scenario naming ids the graph does not have, listing all of them. */
function assertKnown(graph: SupplyGraph, scenario: Scenario, path = 'scenario'): void {
  const unknown = findUnknownScenarioIds(graph, scenario);
  if (unknown) throw unknownIdsError(unknown, path);
}

/**
 * A job's answer, or the error for ids it no longer found (deleted between
 * the check here and the job). Enterprises named by the arguments themselves
 * (not by the scenario) are NOT_FOUND.
 */
function known<R>(result: R | UnknownIds, path = 'scenario', own: string[] = []): R {
  if (!isUnknownIds(result)) return result;
  const gone = own.find((id) => result.unknown.enterprises.includes(id));
  if (gone !== undefined) throw notFound('Enterprise', gone);
  throw unknownIdsError(result.unknown, path);
}

function toReport(graphVersion: number, answer: ImpactAnswer): ImpactReport {
  const { stalledCount, partialCount, lostDailyOutput } = answer;
  return { graphVersion, stalledCount, partialCount, lostDailyOutput, answer };
}

export interface Comparison {
  a: ImpactReport;
  b: ImpactReport;
  stalledOnlyInA: AffectedEnterpriseType[];
  stalledOnlyInB: AffectedEnterpriseType[];
  stalledInBoth: number;
}

/**
 * What-if answers over the engine: ids are checked against the current graph
 * here (cheap, on the main thread's view of it), the engine work runs as a
 * job in a worker thread (IMPACT_JOBS), and the answers are shaped for
 * GraphQL. The argument classes bound the sizes; the stall rule itself lives
 * in src/engine. Nothing here writes to the graph.
 */
export class ImpactService {
  constructor(
    private readonly engine: ImpactEngine,
    private readonly enterprises: EnterpriseService,
  ) {}

  /** Refuses a scenario that names ids the current graph does not have. */
  async validate(scenario: Scenario): Promise<void> {
    const { graph } = await this.engine.snapshot();
    assertKnown(graph, scenario);
  }

  /** The impact of a scenario, with the pages, summaries and drawings `needs` names. */
  async impact(scenario: Scenario, needs: ImpactNeeds = NO_NEEDS): Promise<ImpactReport> {
    const snapshot = await this.engine.snapshot();
    assertKnown(snapshot.graph, scenario);
    const { version, result } = await this.engine.run('impact', { scenario, needs }, snapshot);
    return toReport(version, known(result));
  }

  /** Two scenarios evaluated on one graph, so they compare like for like. */
  async compare(a: ImpactArgs, b: ImpactArgs): Promise<Comparison> {
    const snapshot = await this.engine.snapshot();
    assertKnown(snapshot.graph, a.scenario, 'a.scenario');
    assertKnown(snapshot.graph, b.scenario, 'b.scenario');
    const { version, result } = await this.engine.run('compare', { a, b }, snapshot);
    const answer = known(result);
    return {
      a: toReport(version, answer.a),
      b: toReport(version, answer.b),
      stalledOnlyInA: answer.stalledOnlyInA,
      stalledOnlyInB: answer.stalledOnlyInB,
      stalledInBoth: answer.stalledInBoth,
    };
  }

  async criticalLinks(
    criteria: SupplyLinkCriteria,
    top: number,
    measure: CriticalMeasure,
    includeCurrentState: boolean,
  ): Promise<RankedEntry[]> {
    const snapshot = await this.engine.snapshot();
    const args = { criteria, top, measure, includeCurrentState };
    return (await this.engine.run('criticalLinks', args, snapshot)).result;
  }

  async criticalEnterprises(
    criteria: EnterpriseCriteria | null,
    top: number,
    measure: CriticalMeasure,
    includeCurrentState: boolean,
  ): Promise<RankedEntry[]> {
    const ids = criteria ? await this.enterprises.idsMatching(criteria) : null;
    const snapshot = await this.engine.snapshot();
    const args = { ids, top, measure, includeCurrentState };
    return (await this.engine.run('criticalEnterprises', args, snapshot)).result;
  }

  async alternativeSuppliers(enterpriseId: string, product: string, scenario: Scenario, limit: number) {
    const snapshot = await this.engine.snapshot();
    if (snapshot.graph.nodeIndex(enterpriseId) < 0) throw notFound('Enterprise', enterpriseId);
    assertKnown(snapshot.graph, scenario);
    const args = { enterpriseId, product, scenario, limit };
    return known((await this.engine.run('alternativeSuppliers', args, snapshot)).result, 'scenario', [enterpriseId]);
  }

  async alternativeRoutes(
    fromId: string,
    toId: string,
    product: string,
    scenario: Scenario,
    maxHops: number,
    limit: number,
  ) {
    const snapshot = await this.engine.snapshot();
    for (const id of [fromId, toId]) if (snapshot.graph.nodeIndex(id) < 0) throw notFound('Enterprise', id);
    assertKnown(snapshot.graph, scenario);
    const args = { fromId, toId, product, scenario, maxHops, limit };
    return known((await this.engine.run('alternativeRoutes', args, snapshot)).result, 'scenario', [fromId, toId]);
  }

  async resumptionPlan(top: number): Promise<ResumptionStep[]> {
    const snapshot = await this.engine.snapshot();
    return (await this.engine.run('resumptionPlan', { top }, snapshot)).result;
  }
}
