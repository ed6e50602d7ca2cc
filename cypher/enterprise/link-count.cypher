MATCH (e:Enterprise {id: $id})
RETURN COUNT { (e)-[:SUPPLIES]-() } AS links
