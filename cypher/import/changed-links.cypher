// Of $rows (link ids in the graph), the ids whose ends or stored properties differ from the row
// (importId is not the row's: see writeFirstEntries).
UNWIND $rows AS row
MATCH (a:Enterprise)-[s:SUPPLIES {id: row.id}]->(b:Enterprise)
WITH row, a, b, s, row.props AS props
WHERE a.id <> row.from OR b.id <> row.to
   OR any(k IN keys(props) WHERE NOT coalesce(s[k] = props[k], s[k] IS NULL AND props[k] IS NULL))
   OR any(k IN keys(s) WHERE props[k] IS NULL AND k <> 'importId')
RETURN collect(row.id) AS ids
