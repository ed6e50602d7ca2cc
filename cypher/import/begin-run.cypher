// Starts an import run under a new id; a taken id starts nothing. historyAt dates the first history
// entry of every row the run creates (see writeFirstEntries).
OPTIONAL MATCH (same:ImportRun {id: $id})
CALL (same) {
  WITH same WHERE same IS NULL
  CREATE (:ImportRun {id: $id, actor: $actor, note: $note, state: 'STAGING', total: $total, written: 0,
                      historyAt: datetime($at), startedAt: datetime(), heartbeatAt: datetime()})
}
RETURN same IS NOT NULL AS taken
