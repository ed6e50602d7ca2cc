// Follows bump-version in the same transaction: what a status-only write changed,
// so other instances can patch their engine index instead of reloading the graph.
// Only the latest 1000 changes are kept; an instance further behind reloads.
MATCH (m:GraphMeta {key: 'graph'})
CREATE (:GraphChange {version: m.version, subject: $subject, id: $id, status: $status, capacityRecovery: $capacityRecovery})
WITH m
MATCH (old:GraphChange) WHERE old.version <= m.version - 1000
DELETE old
