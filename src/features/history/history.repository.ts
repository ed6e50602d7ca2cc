import type { StatusChangeRecord } from './status-change.record';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';

/** Reads the dated status history of enterprises and links. */
export class HistoryRepository {
  constructor(private readonly db: GraphDatabase) {}

  /** History of each subject, newest first. */
  async forSubjects(ids: readonly string[]): Promise<StatusChangeRecord[]> {
    const result = await this.db.read(cypher('history/for-subjects'), { ids });
    return result.records.map((r) => r.get('change') as StatusChangeRecord);
  }
}
