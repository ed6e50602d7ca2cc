// Writes out the first history entry of the links among $ids that an import created and nothing has
// changed since, as write-first-enterprise-entries does for enterprises.
UNWIND $ids AS id
MATCH (:Enterprise)-[s:SUPPLIES {id: id}]->(:Enterprise)
SET s._lock = true
REMOVE s._lock
WITH s WHERE s.importId IS NOT NULL
MATCH (r:ImportRun {id: s.importId})
CREATE (:StatusChange {subjectId: s.id, subjectType: 'LINK', seq: 1, at: r.historyAt, status: s.status,
                       note: r.note, actor: r.actor})
REMOVE s.importId
