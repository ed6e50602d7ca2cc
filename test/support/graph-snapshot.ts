import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';

/**
 * Everything stored under a prefix: enterprises, links and history, in a
 * stable order. Tests compare it before and after a refused write.
 */
export async function graphSnapshot(db: GraphDatabase, prefix: string) {
  const enterprises = await db.read(
    'MATCH (e:Enterprise) WHERE e.id STARTS WITH $prefix RETURN e {.*} AS e ORDER BY e.id',
    { prefix },
  );
  const links = await db.read(
    'MATCH (a)-[s:SUPPLIES]->(b) WHERE s.id STARTS WITH $prefix RETURN s {.*, from: a.id, to: b.id} AS s ORDER BY s.id',
    { prefix },
  );
  const history = await db.read(
    'MATCH (c:StatusChange) WHERE c.subjectId STARTS WITH $prefix ' +
      'RETURN c {.*, at: toString(c.at)} AS c ORDER BY c.subjectId, c.at, c.status',
    { prefix },
  );
  return {
    enterprises: enterprises.records.map((r) => r.get('e')),
    links: links.records.map((r) => r.get('s')),
    history: history.records.map((r) => r.get('c')),
  };
}
