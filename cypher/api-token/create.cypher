// A new API token: its hash only, never the key itself. Names stay taken after revocation,
// so `token:<name>` names one token for ever in the history.
OPTIONAL MATCH (same:ApiToken {name: $name})
WITH same
WHERE same IS NULL
CREATE (t:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime($createdAt), createdBy: $createdBy})
RETURN t {.id, .name, .role, .createdBy, createdAt: toString(t.createdAt), revokedAt: null, revokedBy: null} AS token
