// Takes the write lock of the link and keeps it to the end of the transaction (setting and removing a
// property changes nothing else), so writers of its status history take their turns.
MATCH ()-[s:SUPPLIES {id: $id}]->()
SET s._lock = true
REMOVE s._lock
RETURN s.id AS id
