import { registerEnumType } from 'type-graphql';

export interface ValuesEnumConfig<T extends string> {
  name: string;
  description: string;
  /** Descriptions of single values, shown in the schema. */
  valueDescriptions?: Partial<Record<T, string>>;
}

/**
 * A GraphQL enum made from a list of values declared elsewhere (the engine's
 * vocabulary), each value its own name: `{ ROAD: 'ROAD', ... }`, registered
 * with type-graphql. The list stays the one declaration: adding a value there
 * adds it to the schema.
 */
export function registerValuesEnum<T extends string>(
  values: readonly T[],
  config: ValuesEnumConfig<T>,
): { readonly [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  const descriptions: Partial<Record<T, string>> = config.valueDescriptions ?? {};
  const valuesConfig: Partial<Record<T, { description: string }>> = {};
  for (const value of values) {
    const description = descriptions[value];
    if (description !== undefined) valuesConfig[value] = { description };
  }
  registerEnumType(enumObject, { name: config.name, description: config.description, valuesConfig });
  return enumObject;
}
