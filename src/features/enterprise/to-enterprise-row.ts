import { propertyRow } from '../../platform/neo4j/property-row';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { defaultCapacity } from './default-capacity';
import type { EnterpriseInput } from './enterprise.input';
import { ENTERPRISE_FIELDS } from './enterprise.record';
import type { EnterpriseRow } from './enterprise.repository';

/**
 * A validated enterprise input as the row to store: every field present, the
 * status OPERATING when none is given and the capacity its status implies
 * (the input's validation already refused PARTIAL without one).
 */
export function toEnterpriseRow(input: EnterpriseInput): EnterpriseRow {
  const status = input.status ?? EnterpriseStatus.OPERATING;
  const capacityRecovery = input.capacityRecovery ?? defaultCapacity(status) ?? 0;
  return { ...propertyRow(input, ENTERPRISE_FIELDS), status, capacityRecovery };
}
