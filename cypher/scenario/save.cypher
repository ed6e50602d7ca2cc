CREATE (s:Scenario {id: $id, name: $name, note: $note, scenario: $scenario, createdAt: datetime($createdAt), owner: $owner})
RETURN s {.id, .name, .note, .scenario, .owner, createdAt: toString(s.createdAt)} AS scenario
