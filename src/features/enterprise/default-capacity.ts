import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';

/** Capacity implied by a status when none is given; PARTIAL needs an explicit one. */
export function defaultCapacity(status: EnterpriseStatus): number | null {
  if (status === EnterpriseStatus.OPERATING) return 1;
  if (status === EnterpriseStatus.PARTIAL) return null;
  return 0;
}
