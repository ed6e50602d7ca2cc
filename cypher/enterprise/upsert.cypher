// Upsert by id; a row replaces every property. A history entry is written when
// the enterprise is new or its status, capacity or workforce changed; it is the newest
// entry (dated no earlier than any other, numbered after them), so the current state
// stays the latest entry of the history.
UNWIND $rows AS row
OPTIONAL MATCH (old:Enterprise {id: row.id})
WITH row, old IS NULL AS created, old.status AS oldStatus,
     old.capacityRecovery AS oldCapacity, old.workforceReturned AS oldWorkforce
MERGE (e:Enterprise {id: row.id})
SET e = row
WITH e, created,
     created OR oldStatus <> e.status OR oldCapacity <> e.capacityRecovery
       OR coalesce(oldWorkforce, -1.0) <> coalesce(e.workforceReturned, -1.0) AS changed
CALL (e, changed) {
  WITH e WHERE changed
  OPTIONAL MATCH (old:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE'})
  WITH e, coalesce(max(old.seq), 0) AS lastSeq, max(old.at) AS lastAt
  CREATE (:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE', seq: lastSeq + 1,
                         at: CASE WHEN lastAt > datetime($at) THEN lastAt ELSE datetime($at) END, status: e.status,
                         capacityRecovery: e.capacityRecovery, workforceReturned: e.workforceReturned, note: $note,
                         actor: $actor})
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(*) AS total
