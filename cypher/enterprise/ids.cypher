// Follows MATCH (e:Enterprise) and the enterprise filter.
RETURN collect(e.id) AS ids
