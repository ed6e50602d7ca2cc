// Last statement of a staging batch: counts its rows into the run's progress (batches may commit
// in any order) after lock-run confirmed the run is still STAGING.
MATCH (r:ImportRun {id: $id})
SET r.written = r.written + $rows, r.heartbeatAt = datetime()
RETURN r.written AS written
