// Every enterprise as the engine reads it, as columns of $chunk rows (one pass over the
// properties per row; names as their positions in the $kinds, $regions, ... maps, nulls kept).
// Records of a few hundred rows decode fastest in the JavaScript driver. id() is the internal
// node id, only used to match links to their ends within this same read.
MATCH (e:Enterprise)
WITH collect(e) AS enterprises
UNWIND range(0, size(enterprises) - 1, $chunk) AS start
WITH [e IN enterprises[start..start + $chunk] |
       [e.id, id(e), $kinds[e.kind], $regions[e.region], $parks[e.park], $statuses[e.status],
        e.capacityRecovery, e.dailyCapacity, e.dailyOutputValue, $units[e.unit]]] AS rows
RETURN [r IN rows | r[0]] AS ids, [r IN rows | r[1]] AS nodeIds, [r IN rows | r[2]] AS kinds,
       [r IN rows | r[3]] AS regions, [r IN rows | r[4]] AS parks, [r IN rows | r[5]] AS statuses,
       [r IN rows | r[6]] AS capacities, [r IN rows | r[7]] AS dailyCapacities,
       [r IN rows | r[8]] AS dailyValues, [r IN rows | r[9]] AS units
