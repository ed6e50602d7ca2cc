UNWIND $ids AS id
MATCH (a:Enterprise)-[s:SUPPLIES]->(b:Enterprise {id: id})
RETURN s {.*, from: a.id, to: b.id} AS link
ORDER BY s.id
