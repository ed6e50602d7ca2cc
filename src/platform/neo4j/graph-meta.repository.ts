import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher';
import type { GraphDatabase } from './graph-database';

/** A status-only write, as other instances replay it on their engine index. */
export interface StatusChange {
  version: number;
  subject: 'ENTERPRISE' | 'LINK';
  id: string;
  status: string;
  capacityRecovery: number | null;
}

/**
 * The graph's version counter. Every write transaction bumps it, so any
 * service instance can tell with one cheap read whether what it derived from
 * the graph (the impact engine's snapshot) is still current.
 */
export class GraphMetaRepository {
  constructor(private readonly db: GraphDatabase) {}

  async bumpVersion(tx: ManagedTransaction): Promise<number> {
    const result = await tx.run(cypher('graph/bump-version'));
    return result.records[0].get('version') as number;
  }

  /** Records what a status-only write changed; call after bumpVersion, in the same transaction. */
  async recordStatusChange(tx: ManagedTransaction, change: Omit<StatusChange, 'version'>): Promise<void> {
    await tx.run(cypher('graph/record-status-change'), { ...change });
  }

  /** Status changes recorded after `version`, oldest first. */
  async statusChangesSince(version: number): Promise<StatusChange[]> {
    const result = await this.db.read(cypher('graph/changes-since'), { version });
    return result.records.map((r) => r.get('change') as StatusChange);
  }

  async version(): Promise<number> {
    const result = await this.db.read(cypher('graph/version'));
    return result.records[0].get('version') as number;
  }

  async counts(): Promise<{ enterprises: number; links: number }> {
    const result = await this.db.read(cypher('graph/counts'));
    const record = result.records[0];
    return { enterprises: record.get('enterprises') as number, links: record.get('links') as number };
  }
}
