// Staged enterprise ids that another write made live since they were staged.
MATCH (s:StagedEnterprise {importId: $importId})
MATCH (e:Enterprise {id: s.id})
RETURN collect(s.id)[..toInteger($limit)] AS ids
