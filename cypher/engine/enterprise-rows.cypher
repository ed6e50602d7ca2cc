// The engine's fields of the named enterprises that exist (those missing were deleted).
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
RETURN e.id AS id, e.kind AS kind, e.region AS region, e.park AS park, e.status AS status,
       e.capacityRecovery AS capacityRecovery, e.dailyCapacity AS dailyCapacity,
       e.dailyOutputValue AS dailyOutputValue, e.unit AS unit
