UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN collect(e.id) AS ids
