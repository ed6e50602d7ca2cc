/** Neo4j drops null properties, so a missing one reads as null. */
export const orNull = <T>(value: unknown): T | null => (value === undefined || value === null ? null : (value as T));
