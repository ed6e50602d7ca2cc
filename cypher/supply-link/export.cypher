MATCH (a:Enterprise)-[s:SUPPLIES]->(b:Enterprise)
RETURN s {.*, from: a.id, to: b.id} AS link
ORDER BY s.id
