// Of $ids, those a supply link has (ids are unique across enterprises and links).
UNWIND $ids AS id
MATCH ()-[s:SUPPLIES {id: id}]->()
RETURN collect(s.id) AS ids
