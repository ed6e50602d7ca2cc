CREATE (s:Scenario {id: $id, name: $name, note: $note, scenario: $scenario, createdAt: datetime($createdAt)})
RETURN s {.id, .name, .note, .scenario, createdAt: toString(s.createdAt)} AS scenario
