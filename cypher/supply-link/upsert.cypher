// Upsert by id; a row replaces every property. A history entry is written when
// the link is new or its status changed.
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from}), (b:Enterprise {id: row.to})
OPTIONAL MATCH (a)-[old:SUPPLIES {id: row.id}]->(b)
WITH row, a, b, old IS NULL AS created, old.status AS oldStatus
MERGE (a)-[s:SUPPLIES {id: row.id}]->(b)
SET s = row.props
WITH s, created, created OR oldStatus <> s.status AS changed
CALL (s, changed) {
  WITH s WHERE changed
  CREATE (:StatusChange {subjectId: s.id, subjectType: 'LINK', at: datetime($at), status: s.status, note: $note,
                         actor: $actor})
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(*) AS total
