// Shared WHERE clause of enterprise listings; every criterion is optional.
WHERE ($kinds IS NULL OR e.kind IN $kinds)
  AND ($regions IS NULL OR e.region IN $regions)
  AND ($statuses IS NULL OR e.status IN $statuses)
  AND ($parks IS NULL OR e.park IN $parks)
  AND ($ids IS NULL OR e.id IN $ids)
  AND ($search IS NULL OR toLower(e.name) CONTAINS $search OR toLower(e.nameLocal) CONTAINS $search
       OR toLower(e.id) CONTAINS $search)
  AND ($bbox IS NULL OR (e.lat >= $bbox.minLat AND e.lat <= $bbox.maxLat
       AND e.lon >= $bbox.minLon AND e.lon <= $bbox.maxLon))
