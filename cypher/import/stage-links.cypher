// Stages links new to the graph with at least one staged end: readers match links between two
// Enterprise nodes, so these stay out of sight until the import is published. A row is a list:
// [fromStaged, toStaged, fromLive, toLive, then the link's properties in the order of
// LINK_PROPERTY_FIELDS] (a list, not a map: no key is sent per row). Each end is either staged by
// this import (fromStaged / toStaged: its elementId as stage-enterprises returned it, less
// $stagedPrefix: a node-by-id seek, no index) or live (fromLive / toLive: its id); the other is null.
// A null property is left unset. A row whose end is gone (a live end deleted meanwhile) stages
// nothing, and the publish refuses (staged-counts). A staged node cannot be deleted while the run
// stages: only a FAILED run's nodes are discarded, and then this batch rolls back at lock-run.
// importId names the run whose first history entry the link has, as on a staged enterprise
// (writeFirstEntries).
UNWIND $rows AS row
CALL (row) {
  MATCH (a) WHERE elementId(a) = $stagedPrefix + row[0]
  RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: row[2]})
  RETURN a
}
CALL (row) {
  MATCH (b) WHERE elementId(b) = $stagedPrefix + row[1]
  RETURN b
  UNION ALL
  MATCH (b:Enterprise {id: row[3]})
  RETURN b
}
CREATE (a)-[s:SUPPLIES {id: row[4], product: row[5], mode: row[6], volume: row[7], unit: row[8], status: row[9],
                        inventoryDays: row[10], source: row[11], note: row[12], importId: $importId}]->(b)
RETURN count(*) AS staged
