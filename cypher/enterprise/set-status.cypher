MATCH (e:Enterprise {id: $id})
SET e.status = $status,
    e.capacityRecovery = $capacityRecovery,
    e.workforceReturned = coalesce($workforceReturned, e.workforceReturned)
CREATE (:StatusChange {subjectId: e.id, subjectType: 'ENTERPRISE', at: datetime($at), status: e.status,
                       capacityRecovery: e.capacityRecovery, workforceReturned: e.workforceReturned, note: $note,
                       actor: $actor})
RETURN e {.*} AS enterprise
