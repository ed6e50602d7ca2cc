// Stages enterprises new to the graph: under StagedEnterprise, not Enterprise, so no reader sees
// them until the import is published. importId stays after the publish: it names the run whose
// first history entry the enterprise has, read from the enterprise and the run until a write
// changes it (writeFirstEntries). Returns each row's node (elementId, in row order), so
// staging its links finds it without an index lookup.
UNWIND $rows AS row
CREATE (e:StagedEnterprise)
SET e = row, e.importId = $importId
RETURN collect(elementId(e)) AS staged
