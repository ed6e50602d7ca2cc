import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor } from '../actor';
import { cypher } from './cypher';
import { type ChangeItem, type ChangeSubject, KEPT_CHANGES, MAX_LISTED_CHANGES } from './graph-change';
import type { GraphDatabase } from './graph-database';

/** Who writes, and which write it is; both are recorded with the change. */
export interface WriteRequest {
  actor: Actor;
  /** Names the write in the change record: `upsertEnterprise`, `import`, ... */
  operation: string;
}

/** A write in progress: its transaction, and where it says what it changes. */
export interface GraphWrite {
  readonly tx: ManagedTransaction;
  readonly actor: Actor;
  /** Records things this write changes; repositories call it for each statement they run. */
  changed(items: ChangeItem | readonly ChangeItem[]): void;
}

/** The items of one attempt of a write, listed up to MAX_LISTED_CHANGES, counted always. */
class ChangeList {
  readonly items: ChangeItem[] = [];
  readonly counts: Record<ChangeSubject, number> = { ENTERPRISE: 0, LINK: 0, SCENARIO: 0, TOKEN: 0 };

  add(items: ChangeItem | readonly ChangeItem[]): void {
    for (const item of (Array.isArray(items) ? items : [items]) as readonly ChangeItem[]) {
      this.counts[item.subject] += 1;
      if (this.items.length <= MAX_LISTED_CHANGES) this.items.push(item);
    }
  }

  get listed(): boolean {
    return this.items.length <= MAX_LISTED_CHANGES;
  }
}

/**
 * The one way to write the graph. Runs `work` in a write transaction and ends
 * that same transaction by bumping `GraphMeta.version` and recording a
 * `GraphChange`: who wrote, when, and what changed. So every committed write
 * moves the version (service instances see their engine index is stale) and
 * no caller can forget to; a write that fails leaves neither.
 */
export function writeGraph<T>(
  db: GraphDatabase,
  request: WriteRequest,
  work: (write: GraphWrite) => Promise<T>,
): Promise<T> {
  return db.executeWrite(async (tx) => {
    // The driver may retry the transaction: each attempt lists its own changes.
    const changes = new ChangeList();
    const result = await work({ tx, actor: request.actor, changed: (items) => changes.add(items) });
    await tx.run(cypher('graph/record-change'), {
      actor: request.actor,
      operation: request.operation,
      items: changes.listed ? JSON.stringify(changes.items) : '[]',
      listed: changes.listed,
      enterprises: changes.counts.ENTERPRISE,
      links: changes.counts.LINK,
      scenarios: changes.counts.SCENARIO,
      tokens: changes.counts.TOKEN,
      kept: KEPT_CHANGES,
    });
    return result;
  });
}
