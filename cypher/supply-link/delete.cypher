MATCH ()-[s:SUPPLIES {id: $id}]->()
DELETE s
RETURN count(*) AS deleted
