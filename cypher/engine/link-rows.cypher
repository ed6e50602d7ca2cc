// The engine's fields of the named supply links that exist (those missing were deleted).
UNWIND $ids AS id
MATCH (a:Enterprise)-[s:SUPPLIES {id: id}]->(b:Enterprise)
RETURN s.id AS id, a.id AS from, b.id AS to, s.product AS product, s.mode AS mode, s.volume AS volume,
       s.status AS status, s.inventoryDays AS inventoryDays
