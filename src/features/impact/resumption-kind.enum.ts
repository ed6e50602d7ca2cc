import type { ResumptionStep } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** Every kind of step the engine's resumption plan takes, described; the record's type keeps it complete. */
const KINDS: Record<ResumptionStep['kind'], string> = {
  LINK: 'Reopen a blocked supply link.',
  ENTERPRISE: 'Restart a stalled or closed enterprise.',
};

/** What a resumption step restarts, as a GraphQL enum. */
export type ResumptionKind = ResumptionStep['kind'];
export const ResumptionKind = registerValuesEnum(Object.keys(KINDS) as ResumptionKind[], {
  name: 'ResumptionKind',
  description: 'What a resumption step restarts.',
  valueDescriptions: KINDS,
});
