// Shared WHERE clause of link listings; every criterion is optional. The $where* parameters are a link
// filter (LinkFilterInput): modes, products, the supplier's and the customer's regions, across regions or not.
WHERE ($products IS NULL OR s.product IN $products)
  AND ($modes IS NULL OR s.mode IN $modes)
  AND ($statuses IS NULL OR s.status IN $statuses)
  AND ($from IS NULL OR a.id = $from)
  AND ($to IS NULL OR b.id = $to)
  AND ($whereModes IS NULL OR s.mode IN $whereModes)
  AND ($whereProducts IS NULL OR s.product IN $whereProducts)
  AND ($whereFromRegions IS NULL OR a.region IN $whereFromRegions)
  AND ($whereToRegions IS NULL OR b.region IN $whereToRegions)
  AND ($whereCrossRegion IS NULL OR $whereCrossRegion = (a.region <> b.region))
