// Stages enterprises new to the graph: under StagedEnterprise, not Enterprise, so no reader sees
// them until the import is published. A row is a list of the properties in the order of
// ENTERPRISE_FIELDS (a list, not a map: no key is sent per row, and CREATE with listed properties
// costs Neo4j less than SET e = map); a null one is left unset. importId stays after the publish: it
// names the run whose first history entry the enterprise has, read from the enterprise and the run
// until a write changes it (writeFirstEntries). Returns each row's node (elementId, in row order), so
// staging its links finds it without an index lookup.
UNWIND $rows AS row
CREATE (e:StagedEnterprise {id: row[0], name: row[1], nameLocal: row[2], kind: row[3], region: row[4], park: row[5],
                            lat: row[6], lon: row[7], status: row[8], capacityRecovery: row[9],
                            workforceReturned: row[10], dailyCapacity: row[11], unit: row[12],
                            dailyOutputValue: row[13], whitelisted: row[14], source: row[15], note: row[16],
                            importId: $importId})
RETURN collect(elementId(e)) AS staged
