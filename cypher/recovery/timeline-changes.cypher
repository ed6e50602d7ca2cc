// Follows MATCH (e:Enterprise) and the enterprise filter.
// Every enterprise status change up to $to, oldest first: by at, then by seq (commit order), the one
// order in which the history is replayed. An enterprise an import created and nothing changed since
// has one, its first, read from itself and its run (writeFirstEntries).
CALL (e) {
  MATCH (c:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE'})
  RETURN c.at AS changedAt, coalesce(c.seq, 0) AS seq, c.status AS status, c.capacityRecovery AS capacityRecovery,
         c.workforceReturned AS workforceReturned
  UNION ALL
  WITH e WHERE e.importId IS NOT NULL
  MATCH (r:ImportRun {id: e.importId})
  RETURN r.historyAt AS changedAt, 1 AS seq, e.status AS status, e.capacityRecovery AS capacityRecovery,
         e.workforceReturned AS workforceReturned
}
WITH e, changedAt, seq, status, capacityRecovery, workforceReturned
WHERE changedAt <= datetime($to)
RETURN e.id AS id,
       CASE $groupBy WHEN 'REGION' THEN e.region WHEN 'KIND' THEN e.kind ELSE coalesce(e.park, '') END AS key,
       e.dailyCapacity AS dailyCapacity, toString(changedAt) AS at, status, capacityRecovery, workforceReturned
ORDER BY changedAt, seq
