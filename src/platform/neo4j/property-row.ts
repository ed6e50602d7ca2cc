/** A stored property value: Neo4j keeps no nulls, so a row lists every field and a null one is left unset. */
export type PropertyValue = string | number | boolean | null;

/** The `fields` of `source` as a row of properties, with every field present: missing ones become null. */
export function propertyRow(source: object, fields: readonly string[]): Record<string, PropertyValue> {
  const values = source as Record<string, PropertyValue | undefined>;
  const row: Record<string, PropertyValue> = {};
  for (const field of fields) row[field] = values[field] ?? null;
  return row;
}

/**
 * The row less its null properties, for a node or relationship just created: `SET n = row` leaves a
 * null one unset anyway, and the driver encodes every key it is sent (most of what an import sends).
 */
export function presentProperties(row: Record<string, PropertyValue>): Record<string, PropertyValue> {
  const present: Record<string, PropertyValue> = {};
  for (const key in row) if (row[key] !== null) present[key] = row[key];
  return present;
}
