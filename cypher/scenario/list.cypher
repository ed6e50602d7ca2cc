// $owner null: every saved scenario; else those of that owner (saved before owners were kept: anonymous).
MATCH (s:Scenario)
WHERE $owner IS NULL OR coalesce(s.owner, 'anonymous') = $owner
RETURN s {.id, .name, .note, .scenario, .timeline, owner: coalesce(s.owner, 'anonymous'), createdAt: toString(s.createdAt)} AS scenario
ORDER BY s.createdAt DESC, s.id
