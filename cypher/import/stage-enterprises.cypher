// Stages enterprises new to the graph: under StagedEnterprise, not Enterprise, so no reader sees
// them until the import is published. Each gets its first history entry now, marked with the
// import, reached only through its enterprise. Returns each row's node (elementId, in row order),
// so staging its links finds it without an index lookup.
UNWIND $rows AS row
CREATE (e:StagedEnterprise)
SET e = row, e.importId = $importId
CREATE (:StatusChange {subjectId: row.id, subjectType: 'ENTERPRISE', seq: 1, at: datetime($at), status: row.status,
                       capacityRecovery: row.capacityRecovery, workforceReturned: row.workforceReturned,
                       note: $note, actor: $actor, importId: $importId})
RETURN collect(elementId(e)) AS staged
