// Follows MATCH (e:Enterprise) and the enterprise filter.
// Recovery figures per group: counts by status, share resumed (OPERATING or
// PARTIAL), capacity recovery weighted by dailyCapacity, workforce returned.
WITH e, CASE $groupBy WHEN 'REGION' THEN e.region WHEN 'KIND' THEN e.kind ELSE coalesce(e.park, '') END AS key
RETURN key,
       count(e) AS enterpriseCount,
       sum(CASE e.status WHEN 'OPERATING' THEN 1 ELSE 0 END) AS operating,
       sum(CASE e.status WHEN 'PARTIAL' THEN 1 ELSE 0 END) AS partial,
       sum(CASE e.status WHEN 'STALLED' THEN 1 ELSE 0 END) AS stalled,
       sum(CASE e.status WHEN 'CLOSED' THEN 1 ELSE 0 END) AS closed,
       sum(coalesce(e.dailyCapacity, 0.0) * e.capacityRecovery) AS weightedCapacity,
       sum(coalesce(e.dailyCapacity, 0.0)) AS totalCapacity,
       avg(e.capacityRecovery) AS meanCapacity,
       avg(e.workforceReturned) AS workforceReturned
ORDER BY key
