// The graph version, and which database this is (graphId, set by the first recorded change):
// a service's kept engine snapshot is only taken for the same graphId.
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version, m.graphId AS graphId
