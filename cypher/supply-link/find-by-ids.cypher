UNWIND $ids AS id
MATCH (a:Enterprise)-[s:SUPPLIES {id: id}]->(b:Enterprise)
RETURN s {.*, from: a.id, to: b.id} AS link
