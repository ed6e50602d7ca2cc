MATCH (a:Enterprise)-[s:SUPPLIES {id: $id}]->(b:Enterprise)
SET s.status = $status
CREATE (:StatusChange {subjectId: s.id, subjectType: 'LINK', at: datetime($at), status: s.status, note: $reason,
                       actor: $actor})
RETURN s {.*, from: a.id, to: b.id} AS link
