import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { GraphWrite } from '../../platform/neo4j/write-graph';

/** A saved scenario as stored: the scenario itself, and its timeline if any, as JSON text. */
export interface StoredScenario {
  id: string;
  name: string;
  note: string | null;
  scenario: string;
  /** The timeline as JSON text; null without one (and for scenarios saved before timelines were kept). */
  timeline: string | null;
  createdAt: string;
  /** The actor that saved it. */
  owner: string;
}

/** Whose saved scenarios a reader sees: one owner's, or (null) everyone's. */
export type ScenarioOwner = string | null;

/** Saved what-ifs, as `Scenario` nodes apart from the supply graph. */
export class ScenarioRepository {
  constructor(private readonly db: GraphDatabase) {}

  async save(write: GraphWrite, row: StoredScenario): Promise<StoredScenario> {
    const result = await write.tx.run(cypher('scenario/save'), { ...row });
    write.changed({ subject: 'SCENARIO', id: row.id, op: 'UPSERT' });
    return result.records[0].get('scenario') as StoredScenario;
  }

  async list(owner: ScenarioOwner): Promise<StoredScenario[]> {
    const result = await this.db.read(cypher('scenario/list'), { owner });
    return result.records.map((r) => r.get('scenario') as StoredScenario);
  }

  async findByIds(ids: readonly string[], owner: ScenarioOwner): Promise<StoredScenario[]> {
    const result = await this.db.read(cypher('scenario/find-by-ids'), { ids, owner });
    return result.records.map((r) => r.get('scenario') as StoredScenario);
  }

  async delete(write: GraphWrite, id: string, owner: ScenarioOwner): Promise<boolean> {
    const result = await write.tx.run(cypher('scenario/delete'), { id, owner });
    const deleted = (result.records[0].get('deleted') as number) > 0;
    if (deleted) write.changed({ subject: 'SCENARIO', id, op: 'DELETE' });
    return deleted;
  }
}
