import neo4j from 'neo4j-driver';
import type { EngineEnterprise, EngineLink, SupplyGraphInput } from '../../engine';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';

/** Rows per record of the snapshot queries. */
const SNAPSHOT_CHUNK = 20_000;

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
      const chunk = neo4j.int(SNAPSHOT_CHUNK);
      const enterprises: EngineEnterprise[] = [];
      for await (const r of tx.run(cypher('impact/snapshot-enterprises'), { chunk })) {
        const { ids, kinds, regions, parks, statuses, capacities, dailyCapacities, dailyOutputValues, units } =
          r.toObject() as Record<string, unknown[]>;
        for (let i = 0; i < ids.length; i++) {
          enterprises.push({
            id: ids[i] as string,
            kind: kinds[i] as EngineEnterprise['kind'],
            region: regions[i] as string,
            park: parks[i] as string | null,
            status: statuses[i] as EngineEnterprise['status'],
            capacityRecovery: capacities[i] as number,
            dailyCapacity: dailyCapacities[i] as number | null,
            dailyOutputValue: dailyOutputValues[i] as number | null,
            unit: units[i] as string | null,
          });
        }
      }
      const links: EngineLink[] = [];
      for await (const r of tx.run(cypher('impact/snapshot-links'), { chunk })) {
        const { ids, froms, tos, products, modes, volumes, statuses, inventories } = r.toObject() as Record<
          string,
          unknown[]
        >;
        for (let i = 0; i < ids.length; i++) {
          links.push({
            id: ids[i] as string,
            from: froms[i] as string,
            to: tos[i] as string,
            product: products[i] as string,
            mode: modes[i] as EngineLink['mode'],
            volume: volumes[i] as number | null,
            status: statuses[i] as EngineLink['status'],
            inventoryDays: inventories[i] as number | null,
          });
        }
      }
      return { version, input: { enterprises, links } };
    });
  }
}
