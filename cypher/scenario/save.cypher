CREATE (s:Scenario {id: $id, name: $name, note: $note, scenario: $scenario, timeline: $timeline, createdAt: datetime($createdAt), owner: $owner})
RETURN s {.id, .name, .note, .scenario, .timeline, .owner, createdAt: toString(s.createdAt)} AS scenario
