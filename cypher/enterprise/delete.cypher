MATCH (e:Enterprise {id: $id})
WITH e, [(e)-[s:SUPPLIES]-() | s.id] AS links
DETACH DELETE e
RETURN links
