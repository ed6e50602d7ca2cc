MATCH (c:GraphChange) WHERE c.version > $version
RETURN c {.version, at: toString(c.at), .actor, .operation, .items, .listed, .enterprises, .links, .scenarios, .tokens} AS change
ORDER BY c.version
