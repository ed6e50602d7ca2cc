import { cypher } from '../../platform/neo4j/cypher';
import type { GraphWrite } from '../../platform/neo4j/write-graph';

/**
 * Stores the first history entry of the enterprises or links among `ids` that
 * an import created and nothing has changed since. An import writes no history
 * node per row: each new enterprise and link keeps its run's id, and its first
 * entry is read from its own state and the run (history/for-subjects). A write
 * that changes such a subject calls this first, in its own transaction, so the
 * entry keeps the state the import gave it. Takes each subject's lock.
 */
export async function writeFirstEntries(
  write: GraphWrite,
  subject: 'ENTERPRISE' | 'LINK',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const statement = subject === 'ENTERPRISE' ? 'write-first-enterprise-entries' : 'write-first-link-entries';
  await write.tx.run(cypher(`history/${statement}`), { ids });
}
