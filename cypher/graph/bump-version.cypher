// Every write transaction ends here: readers compare versions to know their cached graph is stale.
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.changedAt = datetime()
RETURN m.version AS version
