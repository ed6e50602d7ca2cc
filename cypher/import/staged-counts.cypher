// What an import has staged and still holds: a live enterprise deleted meanwhile takes its
// staged links with it, and the publish refuses to go on. Each staged link has a staged start,
// or a live start and a staged end.
CALL () { MATCH (e:StagedEnterprise {importId: $importId}) RETURN count(e) AS enterprises }
CALL () { MATCH (:StagedEnterprise {importId: $importId})-[s:SUPPLIES]->() RETURN count(s) AS fromStaged }
CALL () {
  MATCH (a)-[s:SUPPLIES]->(:StagedEnterprise {importId: $importId})
  WHERE NOT a:StagedEnterprise
  RETURN count(s) AS fromLive
}
RETURN enterprises, fromStaged + fromLive AS links
