import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

const isMissing = (value: unknown) => value === undefined || value === null;
const statusOf = (args: ValidationArguments) => (args.object as { status?: unknown }).status;

/**
 * capacityRecovery: a share from 0 to 1. It may be left out, except when the
 * status (a sibling field) is PARTIAL, which implies no capacity of its own
 * (README §1: OPERATING means 1, STALLED and CLOSED mean 0).
 */
export function IsCapacityRecovery(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCapacityRecovery',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          isMissing(value)
            ? args === undefined || statusOf(args) !== 'PARTIAL'
            : typeof value === 'number' && value >= 0 && value <= 1,
        defaultMessage: (args?: ValidationArguments) => {
          const field = args?.property ?? 'capacityRecovery';
          if (isMissing(args?.value)) return `${field} is required when status is PARTIAL`;
          if (typeof args?.value !== 'number') return `${field} must be a number from 0 to 1`;
          return `${field} must be from 0 to 1`;
        },
      },
    },
    options,
  );
}
