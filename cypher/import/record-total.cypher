// A run's row total once its links are read too (it began with its enterprise rows only); after
// lock-run confirmed it is still STAGING.
MATCH (r:ImportRun {id: $id})
SET r.total = $total, r.heartbeatAt = datetime()
