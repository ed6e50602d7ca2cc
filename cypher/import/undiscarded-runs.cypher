// Failed runs that may still hold staged rows.
MATCH (r:ImportRun {state: 'FAILED'})
WHERE r.discarded IS NULL
RETURN collect(r.id) AS ids
