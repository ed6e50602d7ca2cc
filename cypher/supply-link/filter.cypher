// Shared WHERE clause of link listings; every criterion is optional.
WHERE ($products IS NULL OR s.product IN $products)
  AND ($modes IS NULL OR s.mode IN $modes)
  AND ($statuses IS NULL OR s.status IN $statuses)
  AND ($from IS NULL OR a.id = $from)
  AND ($to IS NULL OR b.id = $to)
