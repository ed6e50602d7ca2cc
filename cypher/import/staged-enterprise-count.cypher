// How many enterprises an import has staged and still holds.
MATCH (e:StagedEnterprise {importId: $importId})
RETURN count(e) AS enterprises
