// Makes an import's staged enterprises visible: one label change each.
MATCH (e:StagedEnterprise {importId: $importId})
REMOVE e:StagedEnterprise, e.importId
SET e:Enterprise
RETURN count(e) AS published
