import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

const INTERVALS = ['DAY', 'WEEK'] as const;

/** Spacing of the points of a recovery timeline. */
export type TimelineInterval = (typeof INTERVALS)[number];
export const TimelineInterval = registerValuesEnum(INTERVALS, {
  name: 'TimelineInterval',
  description: 'Spacing of the points of a recovery timeline.',
  valueDescriptions: { DAY: 'One point a day.', WEEK: 'One point a week.' },
});
