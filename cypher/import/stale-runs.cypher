// Runs not heard of within $staleMs: their process died, or they are about to be found so.
MATCH (r:ImportRun {state: 'STAGING'})
WHERE r.heartbeatAt <= datetime() - duration({milliseconds: $staleMs})
RETURN collect(r.id) AS ids
