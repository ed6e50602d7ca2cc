/** Enterprise kinds of the graph model (README §1). */
export type GeneratedEnterpriseKind =
  | 'RAW_MATERIAL'
  | 'CHEMICAL'
  | 'FIBER'
  | 'WEAVING'
  | 'PRINTING_DYEING'
  | 'GARMENT'
  | 'MANUFACTURER'
  | 'MARKET'
  | 'FOREIGN_TRADE'
  | 'LOGISTICS'
  | 'OTHER';

/** Current real state of an enterprise (README §1). */
export type GeneratedEnterpriseStatus = 'OPERATING' | 'PARTIAL' | 'STALLED' | 'CLOSED';

/**
 * One enterprise row of the import format (README §7), as produced by the
 * synthetic generator. Every field is set so that JSON and CSV outputs carry
 * the same columns.
 */
export interface GeneratedEnterprise {
  id: string;
  name: string;
  kind: GeneratedEnterpriseKind;
  region: string;
  park: string;
  lat: number;
  lon: number;
  status: GeneratedEnterpriseStatus;
  capacityRecovery: number;
  workforceReturned: number;
  dailyCapacity: number;
  unit: string;
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
  'whitelisted',
];
