import type { EnterpriseKind, EnterpriseStatus, LinkStatus, TransportMode } from './enums';

/** An enterprise as stored in Neo4j (node label `Enterprise`). */
export interface EnterpriseRecord {
  id: string;
  name: string;
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
  whitelisted: boolean | null;
  source: string | null;
  note: string | null;
}

/** A supply link as stored in Neo4j (relationship `SUPPLIES`, upstream to downstream). */
export interface SupplyLinkRecord {
  id: string;
  from: string;
  to: string;
  product: string;
  mode: TransportMode;
  volume: number | null;
  unit: string | null;
  status: LinkStatus;
  inventoryDays: number | null;
  source: string | null;
  note: string | null;
}

/** One dated entry of an enterprise's or a link's status history. */
export interface StatusChangeRecord {
  subjectId: string;
  subjectType: 'ENTERPRISE' | 'LINK';
  at: string;
  status: string;
  capacityRecovery: number | null;
  workforceReturned: number | null;
  note: string | null;
}

export const ENTERPRISE_FIELDS = [
  'id', 'name', 'kind', 'region', 'park', 'lat', 'lon', 'status', 'capacityRecovery',
  'workforceReturned', 'dailyCapacity', 'unit', 'whitelisted', 'source', 'note',
] as const satisfies readonly (keyof EnterpriseRecord)[];

export const LINK_FIELDS = [
  'id', 'from', 'to', 'product', 'mode', 'volume', 'unit', 'status', 'inventoryDays', 'source', 'note',
] as const satisfies readonly (keyof SupplyLinkRecord)[];
