MATCH (c:GraphChange) WHERE c.version > $version
RETURN c {.version, .subject, .id, .status, .capacityRecovery} AS change
ORDER BY c.version
