// The fields the impact engine needs, for every enterprise, as columns of
// $chunk rows: a few large records decode far faster than a million small ones.
MATCH (e:Enterprise)
WITH collect(e) AS enterprises
UNWIND range(0, size(enterprises) - 1, $chunk) AS start
WITH enterprises[start..start + $chunk] AS part
RETURN [e IN part | e.id] AS ids, [e IN part | e.kind] AS kinds, [e IN part | e.region] AS regions,
       [e IN part | e.park] AS parks, [e IN part | e.status] AS statuses,
       [e IN part | e.capacityRecovery] AS capacities, [e IN part | e.dailyCapacity] AS dailyCapacities,
       [e IN part | e.dailyOutputValue] AS dailyOutputValues, [e IN part | e.unit] AS units
