import { randomUUID } from 'node:crypto';
import type { AffectedEnterprise, ImpactResult, Scenario } from '../../engine';
import type { Actor } from '../../platform/actor';
import { badUserInput, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { AffectedEnterpriseType, ImpactReport } from '../impact/impact-report.type';
import { scopedRow } from '../impact/scenario-scope';
import type { ImpactService } from '../impact/impact.service';
import type { ScenarioSpec } from '../impact/scenario.input';
import { describeTimeline, type SimulationTimeline } from '../simulation/simulation-timeline';
import type { TrajectoryPageNeed } from '../simulation/run-simulation-job';
import type { SimulationService } from '../simulation/simulation.service';
import type { SimulationResultType } from '../simulation/simulation.type';
import type { ScenarioOwner, ScenarioRepository, StoredScenario } from './scenario.repository';
import type { ComparedEnterprise, SavedScenario, ScenarioComparison } from './saved-scenario.type';
import { timelineSimulationInput } from './timeline-simulation-input';

function toSaved(stored: StoredScenario): SavedScenario {
  const saved = JSON.parse(stored.scenario) as Partial<ScenarioSpec>;
  return {
    id: stored.id,
    name: stored.name,
    note: stored.note ?? null,
    owner: stored.owner,
    createdAt: stored.createdAt,
    // Scenarios saved before a block kind existed lack it.
    scenario: {
      blockLinks: saved.blockLinks ?? [],
      blockEnterprises: saved.blockEnterprises ?? [],
      blockRegions: saved.blockRegions ?? [],
      blockModes: saved.blockModes ?? [],
      blockLinksWhere: saved.blockLinksWhere ?? [],
      includeCurrentState: saved.includeCurrentState ?? false,
      durationDays: saved.durationDays ?? null,
    },
    timeline: stored.timeline ? describeTimeline(JSON.parse(stored.timeline) as SimulationTimeline) : null,
  };
}

/** Who stalls only in a, only in b, and in both: node indices in a's stall order (b's for only in b). */
export function compareResults(a: ImpactResult, b: ImpactResult): ScenarioComparison['groups'] {
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
export function comparedRows(
  reportA: ImpactReport,
  reportB: ImpactReport,
  nodes: ArrayLike<number>,
): ComparedEnterprise[] {
  const [a, b] = [reportA.result, reportB.result];
  const scoped = (report: ImpactReport, row: AffectedEnterprise | null) => (row ? scopedRow(report, row) : null);
  const rowsA = Array.from(nodes, (v) => scoped(reportA, a.row(v)));
  const rowsB = Array.from(nodes, (v) => scoped(reportB, b.row(v)));
  const difference = (x: number | null | undefined, y: number | null | undefined) =>
    x === null || x === undefined || y === null || y === undefined ? null : y - x;
  const valueOf = (row: AffectedEnterpriseType | null, field: 'lostOutputValue' | 'lostTradeValue', v: number) =>
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

/** A saved scenario by id, or an inline one. */
export interface ScenarioReference {
  id?: string | null;
  scenario?: Scenario | null;
}

/**
 * Saved what-ifs: stored apart from the graph, always evaluated against its
 * current state. Each belongs to the actor that saved it; a reader limited
 * to one owner (analysts) sees, compares and deletes only that owner's, and
 * the others do not exist for it (NOT_FOUND).
 */
export class ScenarioService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: ScenarioRepository,
    private readonly impact: ImpactService,
    private readonly simulations: SimulationService,
  ) {}

  async save(
    actor: Actor,
    name: string,
    scenario: Required<Scenario>,
    note: string | null,
    timeline: SimulationTimeline | null = null,
  ): Promise<SavedScenario> {
    await this.impact.validate(scenario);
    if (timeline) await this.simulations.validate({ ...timeline, watch: null }, 'timeline');
    const row = {
      id: `scn-${randomUUID()}`,
      name: name.trim(),
      note,
      scenario: JSON.stringify(scenario),
      timeline: timeline ? JSON.stringify(timeline) : null,
      createdAt: new Date().toISOString(),
      owner: actor,
    };
    const stored = await writeGraph(this.db, { actor, operation: 'saveScenario' }, (write) =>
      this.repository.save(write, row),
    );
    return toSaved(stored);
  }

  async list(owner: ScenarioOwner): Promise<SavedScenario[]> {
    return (await this.repository.list(owner)).map(toSaved);
  }

  async get(id: string, owner: ScenarioOwner): Promise<SavedScenario> {
    const [found] = await this.repository.findByIds([id], owner);
    if (!found) throw notFound('Scenario', id);
    return toSaved(found);
  }

  async delete(actor: Actor, id: string, owner: ScenarioOwner): Promise<{ id: string }> {
    return writeGraph(this.db, { actor, operation: 'deleteScenario' }, async (write) => {
      if (!(await this.repository.delete(write, id, owner))) throw notFound('Scenario', id);
      return { id };
    });
  }

  report(saved: SavedScenario): Promise<ImpactReport> {
    return this.impact.impact(saved.scenario);
  }

  /**
   * The saved timeline run on the graph as it is now, on top of the
   * scenario's blocks; null without a timeline. Ids the graph no longer
   * has are refused like those of a new input, under `timeline` or `scenario`.
   */
  async simulation(
    saved: SavedScenario,
    watch: readonly string[] | null,
    pages: TrajectoryPageNeed[],
  ): Promise<SimulationResultType | null> {
    if (!saved.timeline) return null;
    await this.simulations.validate({ ...saved.timeline, watch }, 'timeline');
    await this.impact.validate(saved.scenario);
    return this.simulations.simulate(timelineSimulationInput(saved.scenario, saved.timeline, watch), pages);
  }

  async compare(a: ScenarioReference, b: ScenarioReference, owner: ScenarioOwner): Promise<ScenarioComparison> {
    const [scenarioA, scenarioB] = await Promise.all([this.resolve(a, 'a', owner), this.resolve(b, 'b', owner)]);
    const pathOf = (ref: ScenarioReference, name: string) =>
      ref.id ? `${name} (saved scenario ${ref.id})` : `${name}.scenario`;
    const [reportA, reportB] = await this.impact.impacts([scenarioA, scenarioB], [pathOf(a, 'a'), pathOf(b, 'b')]);
    return {
      a: reportA,
      b: reportB,
      groups: compareResults(reportA.result, reportB.result),
      stalledCountDifference: reportB.stalledCount - reportA.stalledCount,
      lostOutputValueDifference: reportB.lostOutputValue - reportA.lostOutputValue,
      lostTradeValueDifference: reportB.lostTradeValue - reportA.lostTradeValue,
    };
  }

  private async resolve(reference: ScenarioReference, path: string, owner: ScenarioOwner): Promise<Scenario> {
    const given = Number(Boolean(reference.id)) + Number(Boolean(reference.scenario));
    if (given !== 1)
      throw badUserInput(`${path} needs exactly one of id and scenario`, [
        { path, message: 'needs exactly one of id and scenario' },
      ]);
    return reference.id ? (await this.get(reference.id, owner)).scenario : (reference.scenario as Scenario);
  }
}
