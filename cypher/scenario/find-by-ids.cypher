UNWIND $ids AS id
MATCH (s:Scenario {id: id})
RETURN s {.id, .name, .note, .scenario, createdAt: toString(s.createdAt)} AS scenario
