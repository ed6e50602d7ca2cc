// Stages links new to the graph with at least one staged end: readers match links between two
// Enterprise nodes, so these stay out of sight until the import is published. An end staged by
// this import is taken before a live one of the same id (made live meanwhile: the publish refuses).
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (staged:StagedEnterprise {id: row.from}) WHERE staged.importId = $importId
  OPTIONAL MATCH (live:Enterprise {id: row.from})
  RETURN coalesce(staged, live) AS a
}
CALL (row) {
  OPTIONAL MATCH (staged:StagedEnterprise {id: row.to}) WHERE staged.importId = $importId
  OPTIONAL MATCH (live:Enterprise {id: row.to})
  RETURN coalesce(staged, live) AS b
}
CREATE (a)-[s:SUPPLIES]->(b)
SET s = row.props
CREATE (:StatusChange {subjectId: row.id, subjectType: 'LINK', seq: 1, at: datetime($at), status: s.status,
                       note: $note, actor: $actor, importId: $importId})
RETURN count(*) AS staged
