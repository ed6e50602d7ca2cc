CALL () { MATCH (e:Enterprise) RETURN count(e) AS enterprises }
CALL () { MATCH ()-[s:SUPPLIES]->() RETURN count(s) AS links }
RETURN enterprises, links
