// Stages links as stage-links does, from rows sent as one string (delimitedLine): lines split on
// U+001E, fields on U+001F, in stage-links' row order. An empty field is null; numbers come back
// through toFloat.
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
                        unit: CASE row[8] WHEN '' THEN null ELSE row[8] END, status: row[9],
                        inventoryDays: toFloat(row[10]), source: CASE row[11] WHEN '' THEN null ELSE row[11] END,
                        note: CASE row[12] WHEN '' THEN null ELSE row[12] END, importId: $importId}]->(b)
RETURN count(*) AS staged
