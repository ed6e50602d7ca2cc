import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The value must differ from that of a sibling field, e.g. a link's `to` from its `from`. */
export function DiffersFrom(sibling: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'differsFrom',
      constraints: [sibling],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          typeof value !== 'string' || value !== (args?.object as Record<string, unknown>)[sibling],
        defaultMessage: (args?: ValidationArguments) => `${sibling} and ${args?.property} must differ`,
      },
    },
    options,
  );
}
