// Of an import's staged links with a live end ($ids), how many are still there: deleting a live
// enterprise takes its links with it. (A link between two staged enterprises cannot go: no other
// write sees them, and only a failed run's are discarded.)
UNWIND $ids AS id
MATCH ()-[s:SUPPLIES {id: id}]->()
RETURN count(s) AS held
