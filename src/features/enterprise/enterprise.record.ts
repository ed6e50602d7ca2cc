import type { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';

/** An enterprise as stored in Neo4j (node label `Enterprise`). */
export interface EnterpriseRecord {
  id: string;
  name: string;
  /** The name in the local language and script, e.g. 中国轻纺城. */
  nameLocal: string | null;
  kind: EnterpriseKind;
  region: string;
  park: string | null;
  lat: number | null;
  lon: number | null;
  status: EnterpriseStatus;
  capacityRecovery: number;
  workforceReturned: number | null;
  dailyCapacity: number | null;
  unit: string | null;
  dailyOutputValue: number | null;
  whitelisted: boolean | null;
  source: string | null;
  note: string | null;
}

export const ENTERPRISE_FIELDS = [
  'id',
  'name',
  'nameLocal',
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
  'source',
  'note',
] as const satisfies readonly (keyof EnterpriseRecord)[];
