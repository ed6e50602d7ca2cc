// Shortest supply paths (following goods downstream) between two enterprises.
// The hop bound of a variable-length pattern cannot be a parameter, so 12 is
// the fixed ceiling and $maxDepth narrows it.
MATCH (a:Enterprise {id: $from}), (b:Enterprise {id: $to})
MATCH p = allShortestPaths((a)-[:SUPPLIES*..12]->(b))
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n.id] AS enterpriseIds, [r IN relationships(p) | r.id] AS linkIds
LIMIT toInteger($limit)
