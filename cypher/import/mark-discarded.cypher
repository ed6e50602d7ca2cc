MATCH (r:ImportRun {id: $id})
SET r.discarded = true
