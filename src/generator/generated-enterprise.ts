import type { EnterpriseKind, EnterpriseStatus } from '../engine';

/**
 * One enterprise row of the import format (README §7), as produced by the
 * synthetic generator. Every field is set so that JSON and CSV outputs carry
 * the same columns.
 */
export interface GeneratedEnterprise {
  id: string;
  name: string;
  kind: EnterpriseKind;
  region: string;
  park: string;
  lat: number;
  lon: number;
  status: EnterpriseStatus;
  capacityRecovery: number;
  workforceReturned: number;
  dailyCapacity: number;
  unit: string;
  /** CNY per day of normal full output (for a pass-through: of the goods it forwards). */
  dailyOutputValue: number;
  whitelisted: boolean;
}

/** Column order of `enterprises.csv`, identical to the JSON field names. */
export const GENERATED_ENTERPRISE_COLUMNS: readonly (keyof GeneratedEnterprise)[] = [
  'id',
  'name',
  'kind',
  'region',
  'park',
  'lat',
  'lon',
  'status',
  'capacityRecovery',
  'workforceReturned',
  'dailyCapacity',
  'unit',
  'dailyOutputValue',
  'whitelisted',
];
