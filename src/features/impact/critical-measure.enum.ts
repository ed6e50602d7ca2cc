import type { CriticalMeasure as Measure } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** Every measure the engine ranks by, described; the record's type keeps it complete. */
const MEASURES: Record<Measure, string> = {
  STALLED_COUNT: 'Enterprises stalled, the blocked one included.',
  LOST_OUTPUT: 'Output value lost (CNY per day, over producers).',
};

/** How the engine ranks single points of failure, as a GraphQL enum. */
export type CriticalMeasure = Measure;
export const CriticalMeasure = registerValuesEnum(Object.keys(MEASURES) as Measure[], {
  name: 'CriticalMeasure',
  description:
    'How single points of failure are ranked: enterprises stalled, or output value lost, when blocked alone.',
  valueDescriptions: MEASURES,
});
