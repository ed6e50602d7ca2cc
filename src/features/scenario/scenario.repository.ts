import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';

/** A saved scenario as stored: the scenario itself as JSON text. */
export interface StoredScenario {
  id: string;
  name: string;
  note: string | null;
  scenario: string;
  createdAt: string;
}

/** Saved what-ifs, as `Scenario` nodes apart from the supply graph. */
export class ScenarioRepository {
  constructor(private readonly db: GraphDatabase) {}

  async save(row: StoredScenario): Promise<StoredScenario> {
    const result = await this.db.write(cypher('scenario/save'), { ...row });
    return result.records[0].get('scenario') as StoredScenario;
  }

  async list(): Promise<StoredScenario[]> {
    const result = await this.db.read(cypher('scenario/list'));
    return result.records.map((r) => r.get('scenario') as StoredScenario);
  }

  async findByIds(ids: readonly string[]): Promise<StoredScenario[]> {
    const result = await this.db.read(cypher('scenario/find-by-ids'), { ids });
    return result.records.map((r) => r.get('scenario') as StoredScenario);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.write(cypher('scenario/delete'), { id });
    return (result.records[0].get('deleted') as number) > 0;
  }
}
