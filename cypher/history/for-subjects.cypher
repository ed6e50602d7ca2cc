// The status history of each subject, newest first: by at, then by seq (commit order), so the first
// entry is the subject's current state.
UNWIND $ids AS id
MATCH (c:StatusChange {subjectId: id})
RETURN c {.subjectId, .subjectType, .status, .capacityRecovery, .workforceReturned, .note, .actor, at: toString(c.at)} AS change
ORDER BY c.at DESC, coalesce(c.seq, 0) DESC
