// Stages links as stage-links does, from rows sent as one string (delimitedLine): lines split on
// U+001E, fields on U+001F, in stage-links' row order. An empty field is null; numbers come back
// through toFloat. An optional string takes `[v IN [field] WHERE v <> ''][0]` (null when empty), not
// CASE: with CASE there the planner puts an Eager before the CREATE (a read/set conflict it assumes
// on SUPPLIES), which holds every row of the statement before the first link is created.
UNWIND split($text, '\u001E') AS line
WITH split(line, '\u001F') AS row
CALL (row) {
  MATCH (a) WHERE elementId(a) = $stagedPrefix + CASE row[0] WHEN '' THEN null ELSE row[0] END
  RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: row[2]})
  RETURN a
}
CALL (row) {
  MATCH (b) WHERE elementId(b) = $stagedPrefix + CASE row[1] WHEN '' THEN null ELSE row[1] END
  RETURN b
  UNION ALL
  MATCH (b:Enterprise {id: row[3]})
  RETURN b
}
CREATE (a)-[s:SUPPLIES {id: row[4], product: row[5], mode: row[6], volume: toFloat(row[7]),
                        unit: [v IN [row[8]] WHERE v <> ''][0], status: row[9], inventoryDays: toFloat(row[10]),
                        source: [v IN [row[11]] WHERE v <> ''][0], note: [v IN [row[12]] WHERE v <> ''][0],
                        importId: $importId}]->(b)
RETURN count(*) AS staged
