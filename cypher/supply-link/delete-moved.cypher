// A link id re-imported between other enterprises moves: the old relationship goes.
UNWIND $rows AS row
MATCH (a:Enterprise)-[old:SUPPLIES {id: row.id}]->(b:Enterprise)
WHERE a.id <> row.from OR b.id <> row.to
DELETE old
