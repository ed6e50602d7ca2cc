import type { EngineEnterprise, EngineLink, SupplyGraphInput } from '../engine';
import { cypher } from '../neo4j/cypher';
import type { GraphDatabase } from '../neo4j/graph-database';

export interface GraphSnapshotData {
  version: number;
  input: SupplyGraphInput;
}

/**
 * Reads what the impact engine needs of the whole graph. The version is read
 * first, so a write committing during the read can only make the snapshot
 * newer than its version says: the next version check then reloads it.
 */
export class GraphSnapshotRepository {
  constructor(private readonly db: GraphDatabase) {}

  load(): Promise<GraphSnapshotData> {
    return this.db.executeRead(async (tx) => {
      const version = (await tx.run(cypher('graph/version'))).records[0].get('version') as number;
      const enterprises: EngineEnterprise[] = [];
      // Streamed record by record: millions of rows are never buffered twice.
      for await (const r of tx.run(cypher('graph/snapshot-enterprises'))) {
        enterprises.push({
          id: r.get(0),
          kind: r.get(1),
          region: r.get(2),
          park: r.get(3),
          status: r.get(4),
          capacityRecovery: r.get(5),
          dailyCapacity: r.get(6),
        });
      }
      const links: EngineLink[] = [];
      for await (const r of tx.run(cypher('graph/snapshot-links'))) {
        links.push({
          id: r.get(0),
          from: r.get(1),
          to: r.get(2),
          product: r.get(3),
          mode: r.get(4),
          volume: r.get(5),
          status: r.get(6),
          inventoryDays: r.get(7),
        });
      }
      return { version, input: { enterprises, links } };
    });
  }
}
