import { ENTERPRISE_STATUSES, type EnterpriseStatus as Status } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** The current real state of an enterprise: the engine's list, as a GraphQL enum. */
export type EnterpriseStatus = Status;
export const EnterpriseStatus = registerValuesEnum(ENTERPRISE_STATUSES, {
  name: 'EnterpriseStatus',
  description: 'Current real state. PARTIAL runs at its capacityRecovery; STALLED and CLOSED are down.',
  valueDescriptions: {
    OPERATING: 'Running, at full capacity unless capacityRecovery says less.',
    PARTIAL: 'Running at its capacityRecovery, between 0 and 1.',
    STALLED: 'Down for now, e.g. without inputs or staff.',
    CLOSED: 'Shut, not expected back soon.',
  },
});
