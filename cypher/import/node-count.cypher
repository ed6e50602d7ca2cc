// Nodes of any label: a bulk load writes a new database, so it takes only one holding none.
MATCH (n)
RETURN count(n) AS nodes
