import { registerEnumType } from 'type-graphql';

/** The current real state of an enterprise. */
export enum EnterpriseStatus {
  OPERATING = 'OPERATING',
  PARTIAL = 'PARTIAL',
  STALLED = 'STALLED',
  CLOSED = 'CLOSED',
}

registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Current real state. PARTIAL runs at its capacityRecovery; STALLED and CLOSED are down.',
});
