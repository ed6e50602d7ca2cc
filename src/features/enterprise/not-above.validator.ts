import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The number must not exceed that of a sibling field, e.g. a box's minLat its maxLat. */
export function NotAbove(sibling: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notAbove',
      constraints: [sibling],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown>)[sibling];
          return typeof value !== 'number' || typeof other !== 'number' || value <= other;
        },
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be at most ${sibling}`,
      },
    },
    options,
  );
}
