// Revoking keeps the token (who had it, until when); it no longer authenticates.
MATCH (t:ApiToken {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, datetime($at)), t.revokedBy = coalesce(t.revokedBy, $actor)
RETURN t {.id, .name, .role, .createdBy, createdAt: toString(t.createdAt), revokedAt: toString(t.revokedAt), .revokedBy} AS token
