// Upsert by id; a row replaces every property. A history entry is written when
// the link is new or its status changed, as the newest entry of its history (see
// enterprise/upsert).
UNWIND $rows AS row
MATCH (a:Enterprise {id: row.from}), (b:Enterprise {id: row.to})
OPTIONAL MATCH (a)-[old:SUPPLIES {id: row.id}]->(b)
WITH row, a, b, old IS NULL AS created, old.status AS oldStatus
MERGE (a)-[s:SUPPLIES {id: row.id}]->(b)
SET s = row.props
WITH s, created, created OR oldStatus <> s.status AS changed
CALL (s, changed) {
  WITH s WHERE changed
  OPTIONAL MATCH (old:StatusChange {subjectId: s.id, subjectType: 'LINK'})
  WITH s, coalesce(max(old.seq), 0) AS lastSeq, max(old.at) AS lastAt
  CREATE (:StatusChange {subjectId: s.id, subjectType: 'LINK', seq: lastSeq + 1,
                         at: CASE WHEN lastAt > datetime($at) THEN lastAt ELSE datetime($at) END, status: s.status, note: $note,
                         actor: $actor})
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, count(*) AS total
