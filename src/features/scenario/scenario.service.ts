import { randomUUID } from 'node:crypto';
import type { Scenario } from '../../engine';
import type { Actor } from '../../platform/actor';
import { badUserInput, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { ImpactReport } from '../impact/impact-report.type';
import type { ImpactService } from '../impact/impact.service';
import { NO_NEEDS, type ComparisonPageNeed, type ImpactNeeds } from '../impact/impact.jobs';
import type { ScenarioSpec } from '../impact/scenario.input';
import { describeTimeline, type SimulationTimeline } from '../simulation/simulation-timeline';
import type { TrajectoryPageNeed } from '../simulation/run-simulation-job';
import type { SimulationService } from '../simulation/simulation.service';
import type { SimulationResultType } from '../simulation/simulation.type';
import type { ScenarioOwner, ScenarioRepository, StoredScenario } from './scenario.repository';
import type { SavedScenario, ScenarioComparison } from './saved-scenario.type';
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

  /** The saved scenario evaluated now, with what the query reads of the report. */
  report(saved: SavedScenario, needs?: ImpactNeeds): Promise<ImpactReport> {
    return this.impact.impact(saved.scenario, needs);
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

  /**
   * Who stalls in one and not the other, on one graph version; `needs` says
   * what the query reads of each report and which pages of the groups.
   */
  async compare(
    a: ScenarioReference,
    b: ScenarioReference,
    owner: ScenarioOwner,
    needs: { a?: ImpactNeeds; b?: ImpactNeeds; pages?: ComparisonPageNeed[] } = {},
  ): Promise<ScenarioComparison> {
    const [scenarioA, scenarioB] = await Promise.all([this.resolve(a, 'a', owner), this.resolve(b, 'b', owner)]);
    const pathOf = (ref: ScenarioReference, name: string) =>
      ref.id ? `${name} (saved scenario ${ref.id})` : `${name}.scenario`;
    const {
      a: reportA,
      b: reportB,
      groups,
    } = await this.impact.compare(
      { scenario: scenarioA, needs: needs.a ?? NO_NEEDS, path: pathOf(a, 'a') },
      { scenario: scenarioB, needs: needs.b ?? NO_NEEDS, path: pathOf(b, 'b') },
      needs.pages ?? [],
    );
    return {
      a: reportA,
      b: reportB,
      groups,
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
