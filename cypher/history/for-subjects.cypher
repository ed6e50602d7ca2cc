// The status history of each subject, newest first: by at, then by seq (commit order), so the first
// entry is the subject's current state. A subject an import created and nothing changed since has
// its first entry in its own state and its run's (writeFirstEntries).
UNWIND $ids AS id
CALL (id) {
  MATCH (c:StatusChange {subjectId: id})
  RETURN c {.subjectId, .subjectType, .status, .capacityRecovery, .workforceReturned, .note, .actor,
            at: toString(c.at)} AS change, c.at AS at, coalesce(c.seq, 0) AS seq
  UNION ALL
  MATCH (e:Enterprise {id: id})
  WHERE e.importId IS NOT NULL
  MATCH (r:ImportRun {id: e.importId})
  RETURN {subjectId: id, subjectType: 'ENTERPRISE', status: e.status, capacityRecovery: e.capacityRecovery,
          workforceReturned: e.workforceReturned, note: r.note, actor: r.actor, at: toString(r.historyAt)} AS change,
         r.historyAt AS at, 1 AS seq
  UNION ALL
  MATCH (:Enterprise)-[s:SUPPLIES {id: id}]->(:Enterprise)
  WHERE s.importId IS NOT NULL
  MATCH (r:ImportRun {id: s.importId})
  RETURN {subjectId: id, subjectType: 'LINK', status: s.status, capacityRecovery: null, workforceReturned: null,
          note: r.note, actor: r.actor, at: toString(r.historyAt)} AS change, r.historyAt AS at, 1 AS seq
}
RETURN change
ORDER BY at DESC, seq DESC
