// Every supply link as the engine reads it, as columns of $chunk rows: ends as the internal
// node ids of snapshot-enterprises, products and modes as positions, BLOCKED as a boolean.
MATCH (:Enterprise)-[s:SUPPLIES]->(:Enterprise)
WITH collect(s) AS links
UNWIND range(0, size(links) - 1, $chunk) AS start
WITH [s IN links[start..start + $chunk] |
       [s.id, id(startNode(s)), id(endNode(s)), $products[s.product], $modes[s.mode], s.volume,
        s.status = 'BLOCKED', s.inventoryDays]] AS rows
RETURN [r IN rows | r[0]] AS ids, [r IN rows | r[1]] AS froms, [r IN rows | r[2]] AS tos,
       [r IN rows | r[3]] AS products, [r IN rows | r[4]] AS modes, [r IN rows | r[5]] AS volumes,
       [r IN rows | r[6]] AS blocked, [r IN rows | r[7]] AS inventories
