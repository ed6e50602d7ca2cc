import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** What recovery figures are grouped by: the one list the schema, the service and the Cypher key read. */
const GROUPINGS = ['REGION', 'KIND', 'PARK'] as const;

export type RecoveryGrouping = (typeof GROUPINGS)[number];
export const RecoveryGrouping = registerValuesEnum(GROUPINGS, {
  name: 'RecoveryGrouping',
  description: 'What recovery figures are grouped by.',
  valueDescriptions: { REGION: 'By region.', KIND: 'By enterprise kind.', PARK: 'By industrial park ("" for none).' },
});
