UNWIND $ids AS id
MATCH (s:Scenario {id: id})
WHERE $owner IS NULL OR coalesce(s.owner, 'anonymous') = $owner
RETURN s {.id, .name, .note, .scenario, .timeline, owner: coalesce(s.owner, 'anonymous'), createdAt: toString(s.createdAt)} AS scenario
