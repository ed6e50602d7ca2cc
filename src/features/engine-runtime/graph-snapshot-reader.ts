import neo4j from 'neo4j-driver';
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  SupplyGraphBuilder,
  TRANSPORT_MODES,
  type EngineEnterprise,
  type EngineLink,
  type SupplyGraph,
} from '../../engine';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphIdentity } from '../../platform/neo4j/graph-change.repository';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';

/** Rows per record of the snapshot queries: the JavaScript driver decodes records of a few hundred rows fastest. */
const SNAPSHOT_CHUNK = 500;

/** Positions of names, as the snapshot queries take them ({name: position}). */
const positions = (names: readonly (string | null)[]) => Object.fromEntries(names.map((name, i) => [name, i]));

export interface LoadedSnapshot extends GraphIdentity {
  graph: SupplyGraph;
  /** Links left out because an end was created after the enterprises were read (the next refresh adds them). */
  skippedLinks: number;
}

type Columns = Record<string, unknown[]>;

/**
 * Reads what the engine needs of the graph: all of it, streamed into a
 * SupplyGraphBuilder record by record (never one object per row kept), or
 * the current rows of some ids. The version is read first, in the same read
 * transaction, so what is read is at least as new as the version says; a
 * write committing meanwhile can only make it newer, and the next refresh
 * reads its rows again.
 */
export class GraphSnapshotReader {
  constructor(private readonly db: GraphDatabase) {}

  load(): Promise<LoadedSnapshot> {
    return this.db.executeRead(async (tx) => {
      const identity = (await tx.run(cypher('graph/version'))).records[0];
      const version = identity.get('version') as number;
      const graphId = identity.get('graphId') as string | null;
      const names = (await tx.run(cypher('engine/snapshot-names'))).records[0].toObject() as Record<
        'regions' | 'parks' | 'units' | 'products',
        string[]
      >;
      const chunk = neo4j.int(SNAPSHOT_CHUNK);
      const builder = new SupplyGraphBuilder();
      // Internal node id -> enterprise id, to name the links' ends; valid within this transaction only.
      const idOfNode = new Map<number, string>();
      const enterpriseParams = {
        chunk,
        kinds: positions(ENTERPRISE_KINDS),
        statuses: positions(ENTERPRISE_STATUSES),
        regions: positions(names.regions),
        parks: positions(names.parks),
        units: positions(names.units),
      };
      for await (const record of tx.run(cypher('engine/snapshot-enterprises'), enterpriseParams)) {
        const c = record.toObject() as Columns;
        for (let i = 0; i < c.ids.length; i++) {
          const id = c.ids[i] as string;
          idOfNode.set(c.nodeIds[i] as number, id);
          builder.addEnterprise({
            id,
            kind: ENTERPRISE_KINDS[c.kinds[i] as number],
            region: names.regions[c.regions[i] as number],
            park: c.parks[i] === null ? null : names.parks[c.parks[i] as number],
            status: ENTERPRISE_STATUSES[c.statuses[i] as number],
            capacityRecovery: c.capacities[i] as number,
            dailyCapacity: c.dailyCapacities[i] as number | null,
            dailyOutputValue: c.dailyValues[i] as number | null,
            unit: c.units[i] === null ? null : names.units[c.units[i] as number],
          });
        }
      }
      let skippedLinks = 0;
      const linkParams = { chunk, products: positions(names.products), modes: positions(TRANSPORT_MODES) };
      for await (const record of tx.run(cypher('engine/snapshot-links'), linkParams)) {
        const c = record.toObject() as Columns;
        for (let i = 0; i < c.ids.length; i++) {
          const from = idOfNode.get(c.froms[i] as number);
          const to = idOfNode.get(c.tos[i] as number);
          if (from === undefined || to === undefined) {
            skippedLinks += 1;
            continue;
          }
          builder.addLink({
            id: c.ids[i] as string,
            from,
            to,
            product: names.products[c.products[i] as number],
            mode: TRANSPORT_MODES[c.modes[i] as number],
            volume: c.volumes[i] as number | null,
            status: c.blocked[i] === true ? 'BLOCKED' : 'OPEN',
            inventoryDays: c.inventories[i] as number | null,
          });
        }
      }
      return { version, graphId, graph: builder.build(), skippedLinks };
    });
  }

  /** The current rows of these enterprises and links; ids missing from the answer no longer exist. */
  rows(
    enterpriseIds: readonly string[],
    linkIds: readonly string[],
  ): Promise<{ enterprises: EngineEnterprise[]; links: EngineLink[] }> {
    return this.db.executeRead(async (tx) => {
      const enterprises = enterpriseIds.length
        ? (await tx.run(cypher('engine/enterprise-rows'), { ids: enterpriseIds })).records.map(
            (r) => r.toObject() as EngineEnterprise,
          )
        : [];
      const links = linkIds.length
        ? (await tx.run(cypher('engine/link-rows'), { ids: linkIds })).records.map((r) => r.toObject() as EngineLink)
        : [];
      return { enterprises, links };
    });
  }
}
