// The fields the impact engine needs, for every supply link, as columns of $chunk rows.
MATCH (:Enterprise)-[s:SUPPLIES]->(:Enterprise)
WITH collect(s) AS links
UNWIND range(0, size(links) - 1, $chunk) AS start
WITH links[start..start + $chunk] AS part
RETURN [s IN part | s.id] AS ids, [s IN part | startNode(s).id] AS froms, [s IN part | endNode(s).id] AS tos,
       [s IN part | s.product] AS products, [s IN part | s.mode] AS modes, [s IN part | s.volume] AS volumes,
       [s IN part | s.status] AS statuses, [s IN part | s.inventoryDays] AS inventories
