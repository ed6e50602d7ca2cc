import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphDatabase } from './graph-database';

/**
 * Writes that no reader of the graph can see yet: an import's staged rows
 * (under labels and marks every graph query leaves out) and its run record.
 * They leave the graph version alone, since the graph users see did not
 * change; the one transaction that makes them visible goes through
 * writeGraph, which moves it.
 */
export function writeStaged<T>(db: GraphDatabase, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return db.executeWrite(work);
}
