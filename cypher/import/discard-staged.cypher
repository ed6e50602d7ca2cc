// Removes up to $limit of what a failed import staged (history entries, which runs before the
// first history entry was read from the run staged too; then enterprises with their links); run
// until it removes nothing.
CALL () {
  MATCH (c:StatusChange {importId: $importId})
  WITH c LIMIT toInteger($limit)
  DELETE c
  RETURN count(*) AS history
}
CALL () {
  MATCH (e:StagedEnterprise {importId: $importId})
  WITH e LIMIT toInteger($limit)
  DETACH DELETE e
  RETURN count(*) AS enterprises
}
RETURN history + enterprises AS removed
