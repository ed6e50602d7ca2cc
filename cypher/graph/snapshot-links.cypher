// The fields the impact engine needs, for every supply link.
MATCH (a:Enterprise)-[s:SUPPLIES]->(b:Enterprise)
RETURN s.id AS id, a.id AS from, b.id AS to, s.product AS product, s.mode AS mode,
       s.volume AS volume, s.status AS status, s.inventoryDays AS inventoryDays
