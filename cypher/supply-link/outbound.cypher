UNWIND $ids AS id
MATCH (a:Enterprise {id: id})-[s:SUPPLIES]->(b:Enterprise)
RETURN s {.*, from: a.id, to: b.id} AS link
ORDER BY s.id
