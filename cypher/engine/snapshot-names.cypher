// The distinct names the engine snapshot reads as small integers (regions, parks, units, products),
// so the rows below carry numbers instead of repeating the same strings millions of times.
MATCH (e:Enterprise)
WITH collect(DISTINCT e.region) AS regions, collect(DISTINCT e.park) AS parks, collect(DISTINCT e.unit) AS units
CALL () {
  MATCH (:Enterprise)-[s:SUPPLIES]->(:Enterprise)
  RETURN collect(DISTINCT s.product) AS products
}
RETURN regions, parks, units, products
