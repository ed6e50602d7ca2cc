// Ends a run: PUBLISHED with its counts, or FAILED with why.
MATCH (r:ImportRun {id: $id})
SET r.state = $state, r.finishedAt = datetime(), r.error = $error, r += $counts
