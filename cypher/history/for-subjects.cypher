UNWIND $ids AS id
MATCH (c:StatusChange {subjectId: id})
RETURN c {.subjectId, .subjectType, .status, .capacityRecovery, .workforceReturned, .note, .actor, at: toString(c.at)} AS change
ORDER BY c.at DESC
