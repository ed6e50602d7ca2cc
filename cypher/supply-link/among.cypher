UNWIND $ids AS id
MATCH (a:Enterprise {id: id})-[s:SUPPLIES]->(b:Enterprise)
WHERE b.id IN $ids AND ($products IS NULL OR s.product IN $products)
RETURN s {.*, from: a.id, to: b.id} AS link
ORDER BY s.id
