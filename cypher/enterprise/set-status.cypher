// Appends a dated entry to the enterprise's status history and, when it is the newest entry by
// (at, seq), makes it the current state; a backdated entry takes its place in the history and
// leaves the current state to the newer one. The caller holds the enterprise's lock
// (enterprise/lock-existing), so seq numbers its entries in commit order.
MATCH (e:Enterprise {id: $id})
CALL (e) {
  OPTIONAL MATCH (c:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE'})
  RETURN coalesce(max(c.seq), 0) AS lastSeq, count(CASE WHEN c.at > datetime($at) THEN 1 END) AS later
}
CALL (e) {
  OPTIONAL MATCH (c:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE'})
  WHERE c.at <= datetime($at)
  WITH c ORDER BY c.at DESC, coalesce(c.seq, 0) DESC LIMIT 1
  RETURN c.workforceReturned AS workforceBefore
}
CREATE (n:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE', at: datetime($at), seq: lastSeq + 1,
                        status: $status, capacityRecovery: $capacityRecovery,
                        workforceReturned: coalesce($workforceReturned, workforceBefore), note: $note, actor: $actor})
WITH e, n, later = 0 AS newest
CALL (e, n, newest) {
  WITH e, n WHERE newest
  SET e.status = n.status, e.capacityRecovery = n.capacityRecovery, e.workforceReturned = n.workforceReturned
}
RETURN e {.*} AS enterprise, newest
