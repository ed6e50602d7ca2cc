// Locks the enterprise before counting its links, so no link can be added between the count and
// the delete: a delete without detach never takes a link it did not count.
MATCH (e:Enterprise {id: $id})
SET e._lock = true
REMOVE e._lock
WITH e
WITH e, [(e)-[s:SUPPLIES]-() | s.id] AS links
DETACH DELETE e
RETURN links
