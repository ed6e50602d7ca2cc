// Takes the write lock of each named enterprise that exists and keeps it to the end of the
// transaction (setting and removing a property changes nothing else), so none of them can be
// deleted before the write relying on them commits. Ids in a fixed order, to avoid deadlocks.
UNWIND $ids AS id
MATCH (e:Enterprise {id: id})
SET e._lock = true
REMOVE e._lock
RETURN collect(e.id) AS ids
