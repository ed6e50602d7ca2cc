// Of $names, the regions no enterprise lies in (filters naming them are refused, not left to match nothing).
UNWIND $names AS name
WITH DISTINCT name
WHERE NOT EXISTS { MATCH (:Enterprise {region: name}) }
RETURN collect(name) AS unknown
