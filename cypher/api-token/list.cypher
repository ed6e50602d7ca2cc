MATCH (t:ApiToken)
RETURN t {.id, .name, .role, .createdBy, createdAt: toString(t.createdAt), revokedAt: toString(t.revokedAt), .revokedBy} AS token
ORDER BY t.createdAt, t.id
