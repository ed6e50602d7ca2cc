// The fields the impact engine needs, for every enterprise.
MATCH (e:Enterprise)
RETURN e.id AS id, e.kind AS kind, e.region AS region, e.park AS park, e.status AS status,
       e.capacityRecovery AS capacityRecovery, e.dailyCapacity AS dailyCapacity
