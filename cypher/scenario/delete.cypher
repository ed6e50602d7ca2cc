MATCH (s:Scenario {id: $id})
WHERE $owner IS NULL OR coalesce(s.owner, 'anonymous') = $owner
DELETE s
RETURN count(*) AS deleted
