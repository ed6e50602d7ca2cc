// Makes an import's staged enterprises visible: one label change each (importId stays, see
// stage-enterprises).
MATCH (e:StagedEnterprise {importId: $importId})
REMOVE e:StagedEnterprise
SET e:Enterprise
RETURN count(e) AS published
