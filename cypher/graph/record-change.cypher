// The last statement of every write transaction (writeGraph): bumps the graph version and
// records who changed what under it, so each service instance can tell that what it derived
// from the graph is stale, and replay status changes instead of reading the graph again.
// Only the latest $kept changes are kept; an instance further behind reads the graph again.
// graphId names this database for good, so a snapshot kept on disk is never taken for another.
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.changedAt = datetime(), m.graphId = coalesce(m.graphId, randomUUID())
CREATE (c:GraphChange {version: m.version, at: m.changedAt, actor: $actor, operation: $operation,
                       items: $items, listed: $listed,
                       enterprises: $enterprises, links: $links, scenarios: $scenarios, tokens: $tokens})
WITH m, c
CALL (m) {
  MATCH (old:GraphChange) WHERE old.version <= m.version - $kept
  DELETE old
}
RETURN c.version AS version
