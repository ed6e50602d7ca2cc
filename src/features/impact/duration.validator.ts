import { IsOptional, IsPositive, Max } from 'class-validator';
import { MAX_DURATION_DAYS } from './impact-limits';

/**
 * durationDays of §5: more than 0 and at most MAX_DURATION_DAYS, or absent
 * for blocks without an end. The one rule for every argument that takes a
 * duration, so they refuse the same values with the same message.
 */
export function IsDuration(): PropertyDecorator {
  const rules = [
    IsOptional(),
    IsPositive({ message: 'durationDays must be more than 0 (leave it out for blocks without an end)' }),
    Max(MAX_DURATION_DAYS, { message: `durationDays must be at most ${MAX_DURATION_DAYS}` }),
  ];
  return (target, property) => rules.forEach((rule) => rule(target, property));
}
