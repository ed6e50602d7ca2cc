// Writes out the first history entry of the enterprises among $ids that an import created and
// nothing has changed since: until then it is read from the enterprise's own state and its run
// (for-subjects), so an import writes no history node per row. Runs first in every write that
// changes such an enterprise, which then finds the entry stored like any other. The enterprise's
// lock comes first, so two writers cannot both write it out.
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
SET e._lock = true
REMOVE e._lock
WITH e WHERE e.importId IS NOT NULL
MATCH (r:ImportRun {id: e.importId})
CREATE (:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE', seq: 1, at: r.historyAt, status: e.status,
                       capacityRecovery: e.capacityRecovery, workforceReturned: e.workforceReturned,
                       note: r.note, actor: r.actor})
REMOVE e.importId
