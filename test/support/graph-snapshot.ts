import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { cypher } from '../../src/platform/neo4j/cypher';

/**
 * Everything stored under a prefix: enterprises, links and history (as the
 * history reader gives it, an import's first entries included), in a stable
 * order. Tests compare it before and after a refused write.
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
  const stored = await db.read(
    'MATCH (c:StatusChange) WHERE c.subjectId STARTS WITH $prefix RETURN collect(DISTINCT c.subjectId) AS ids',
    { prefix },
  );
  const ids = new Set<string>(stored.records[0].get('ids') as string[]);
  for (const r of [...enterprises.records.map((r) => r.get('e')), ...links.records.map((r) => r.get('s'))])
    ids.add(r.id);
  const history = await db.read(cypher('history/for-subjects'), { ids: [...ids] });
  const key = (c: { subjectId: string; at: string; status: string }) => `${c.subjectId} ${c.at} ${c.status}`;
  return {
    enterprises: enterprises.records.map((r) => r.get('e')),
    links: links.records.map((r) => r.get('s')),
    history: history.records.map((r) => r.get('change')).sort((a, b) => key(a).localeCompare(key(b))),
  };
}
