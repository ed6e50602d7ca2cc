OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version
