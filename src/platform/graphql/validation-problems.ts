import type { ValidationError } from 'class-validator';
import type { InputProblem } from './user-errors';

/** class-validator's nested errors as a flat list of problems, each with its field path. */
export function validationProblems(errors: readonly ValidationError[], parent = ''): InputProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      path,
      message: rule === 'whitelistValidation' ? `unknown field "${error.property}"` : message,
    }));
    return [...own, ...validationProblems(error.children ?? [], path)];
  });
}
