// Follows MATCH (e:Enterprise) and the enterprise filter.
// Every enterprise status change up to $to, oldest first: by at, then by seq (commit order), the one
// order in which the history is replayed.
MATCH (c:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE'})
WHERE c.at <= datetime($to)
RETURN e.id AS id,
       CASE $groupBy WHEN 'REGION' THEN e.region WHEN 'KIND' THEN e.kind ELSE coalesce(e.park, '') END AS key,
       e.dailyCapacity AS dailyCapacity, toString(c.at) AS at, c.status AS status,
       c.capacityRecovery AS capacityRecovery, c.workforceReturned AS workforceReturned
ORDER BY c.at, coalesce(c.seq, 0)
