// Of $names, the products no supply link carries (filters naming them are refused, not left to match nothing).
UNWIND $names AS name
WITH DISTINCT name
WHERE NOT EXISTS { MATCH ()-[:SUPPLIES {product: name}]->() }
RETURN collect(name) AS unknown
