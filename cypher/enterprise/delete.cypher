MATCH (e:Enterprise {id: $id})
WITH e, COUNT { (e)-[:SUPPLIES]-() } AS links
DETACH DELETE e
RETURN links
