// Stages links new to the graph with at least one staged end: readers match links between two
// Enterprise nodes, so these stay out of sight until the import is published. Each end is either
// staged by this import (row.fromStaged / row.toStaged: its elementId as stage-enterprises returned
// it, less $stagedPrefix: a node-by-id seek, no index) or live (row.fromLive / row.toLive: its id);
// a row has one of the two keys for each end. A row whose end is gone (a live end deleted
// meanwhile) stages nothing, and the publish refuses (staged-counts). A staged node cannot be
// deleted while the run stages: only a FAILED run's nodes are discarded, and then this batch rolls
// back at lock-run. importId names the run whose first history entry the link has, as on a staged
// enterprise (writeFirstEntries).
UNWIND $rows AS row
CALL (row) {
  MATCH (a) WHERE elementId(a) = $stagedPrefix + row.fromStaged
  RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: row.fromLive})
  RETURN a
}
CALL (row) {
  MATCH (b) WHERE elementId(b) = $stagedPrefix + row.toStaged
  RETURN b
  UNION ALL
  MATCH (b:Enterprise {id: row.toLive})
  RETURN b
}
CREATE (a)-[s:SUPPLIES]->(b)
SET s = row.props, s.importId = $importId
RETURN count(*) AS staged
