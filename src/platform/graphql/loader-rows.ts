/** Rows lined up with the keys a DataLoader asked for; null where none was found. */
export function rowsByKey<T>(keys: readonly string[], rows: T[], key: (row: T) => string): (T | null)[] {
  const found = new Map(rows.map((row) => [key(row), row]));
  return keys.map((k) => found.get(k) ?? null);
}

/** Rows grouped under the keys a DataLoader asked for; an empty list where none was found. */
export function rowsGroupedByKey<T>(keys: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
