MATCH (s:Scenario)
RETURN s {.id, .name, .note, .scenario, createdAt: toString(s.createdAt)} AS scenario
ORDER BY s.createdAt DESC, s.id
