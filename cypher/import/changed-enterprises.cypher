// Of $rows (enterprise ids in the graph), the ids whose stored properties differ from the row:
// a row replaces every property, and a null one is no property (importId is not the row's: see
// writeFirstEntries).
UNWIND $rows AS row
MATCH (e:Enterprise {id: row.id})
WHERE any(k IN keys(row) WHERE NOT coalesce(e[k] = row[k], e[k] IS NULL AND row[k] IS NULL))
   OR any(k IN keys(e) WHERE row[k] IS NULL AND k <> 'importId')
RETURN collect(row.id) AS ids
