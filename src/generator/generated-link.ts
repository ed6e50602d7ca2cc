import type { LinkStatus, TransportMode } from '../engine';

/**
 * One `SUPPLIES` link row of the import format (README §7): goods of
 * `product` flow from enterprise `from` (supplier) to `to` (customer).
 */
export interface GeneratedLink {
  id: string;
  from: string;
  to: string;
  product: string;
  mode: TransportMode;
  volume: number;
  unit: string;
  status: LinkStatus;
  inventoryDays: number;
}

/** Column order of `links.csv`, identical to the JSON field names. */
export const GENERATED_LINK_COLUMNS: readonly (keyof GeneratedLink)[] = [
  'id',
  'from',
  'to',
  'product',
  'mode',
  'volume',
  'unit',
  'status',
  'inventoryDays',
];
