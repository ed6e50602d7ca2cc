/** A stored property value: Neo4j keeps no nulls, so a row lists every field and a null one is left unset. */
export type PropertyValue = string | number | boolean | null;

/** The `fields` of `source` as a row of properties, with every field present: missing ones become null. */
export function propertyRow(source: object, fields: readonly string[]): Record<string, PropertyValue> {
  const values = source as Record<string, PropertyValue | undefined>;
  const row: Record<string, PropertyValue> = {};
  for (const field of fields) row[field] = values[field] ?? null;
  return row;
}
