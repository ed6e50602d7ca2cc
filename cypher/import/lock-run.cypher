// First statement of every transaction of a run: takes the run's lock, so staging, publishing and
// discarding it happen one at a time, then reads its state as committed.
MATCH (r:ImportRun {id: $id})
SET r._lock = true
REMOVE r._lock
RETURN r.state AS state, r.heartbeatAt <= datetime() - duration({milliseconds: $staleMs}) AS stale
