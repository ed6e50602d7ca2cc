// Of $ids, those a supply link has (ids are unique across enterprises and links); a link an import
// has staged is not in the graph yet.
UNWIND $ids AS id
MATCH (:Enterprise)-[s:SUPPLIES {id: id}]->(:Enterprise)
RETURN collect(s.id) AS ids
