import { randomUUID } from 'node:crypto';
import type { Scenario } from '../../engine';
import type { Actor } from '../../platform/actor';
import { badUserInput, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { ImpactReport } from '../impact/impact-report.type';
import type { Comparison, ImpactService } from '../impact/impact.service';
import { NO_NEEDS, type ImpactNeeds } from '../impact/impact.jobs';
import type { ScenarioSpec } from '../impact/scenario.input';
import type { ScenarioOwner, ScenarioRepository, StoredScenario } from './scenario.repository';
import type { SavedScenario } from './saved-scenario.type';

function toSaved(stored: StoredScenario): SavedScenario {
  return {
    id: stored.id,
    name: stored.name,
    note: stored.note ?? null,
    owner: stored.owner,
    createdAt: stored.createdAt,
    scenario: JSON.parse(stored.scenario) as ScenarioSpec,
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
  ) {}

  async save(actor: Actor, name: string, scenario: Required<Scenario>, note: string | null): Promise<SavedScenario> {
    await this.impact.validate(scenario);
    const row = {
      id: `scn-${randomUUID()}`,
      name: name.trim(),
      note,
      scenario: JSON.stringify(scenario),
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

  /** Who stalls in one and not the other, on one graph version; `needs` says what is read of each report. */
  async compare(
    a: ScenarioReference,
    b: ScenarioReference,
    owner: ScenarioOwner,
    needs: { a?: ImpactNeeds; b?: ImpactNeeds } = {},
  ): Promise<Comparison> {
    const [scenarioA, scenarioB] = await Promise.all([this.resolve(a, 'a', owner), this.resolve(b, 'b', owner)]);
    return this.impact.compare(
      { scenario: scenarioA, needs: needs.a ?? NO_NEEDS },
      { scenario: scenarioB, needs: needs.b ?? NO_NEEDS },
    );
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
