// Appends a dated entry to the link's status history and, when it is the newest entry by (at, seq),
// makes it the current status. The caller holds the link's lock (supply-link/lock), so seq numbers
// its entries in commit order.
MATCH (a:Enterprise)-[s:SUPPLIES {id: $id}]->(b:Enterprise)
CALL (s) {
  OPTIONAL MATCH (c:StatusChange {subjectId: s.id, subjectType: 'LINK'})
  RETURN coalesce(max(c.seq), 0) AS lastSeq, count(CASE WHEN c.at > datetime($at) THEN 1 END) AS later
}
CREATE (n:StatusChange {subjectId: s.id, subjectType: 'LINK', at: datetime($at), seq: lastSeq + 1, status: $status,
                        note: $reason, actor: $actor})
WITH a, b, s, n, later = 0 AS newest
CALL (s, n, newest) {
  WITH s, n WHERE newest
  SET s.status = n.status
}
RETURN s {.*, from: a.id, to: b.id} AS link, newest
