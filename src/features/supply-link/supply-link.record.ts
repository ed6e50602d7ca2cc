import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { TransportMode } from '../vocabulary/transport-mode.enum';

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

export const LINK_FIELDS = [
  'id',
  'from',
  'to',
  'product',
  'mode',
  'volume',
  'unit',
  'status',
  'inventoryDays',
  'source',
  'note',
] as const satisfies readonly (keyof SupplyLinkRecord)[];

/** The fields stored as the relationship's properties; its ends are the enterprises it joins. */
export const LINK_PROPERTY_FIELDS = LINK_FIELDS.filter((field) => field !== 'from' && field !== 'to');
