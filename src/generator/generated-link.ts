/** Transport mode of a supply link (README §1). */
export type GeneratedLinkMode = 'ROAD' | 'RAIL' | 'WATER' | 'AIR' | 'PIPELINE' | 'LOCAL';

/** Current real state of a supply link (README §1). */
export type GeneratedLinkStatus = 'OPEN' | 'BLOCKED';

/**
 * One `SUPPLIES` link row of the import format (README §7): goods of
 * `product` flow from enterprise `from` (supplier) to `to` (customer).
 */
export interface GeneratedLink {
  id: string;
  from: string;
  to: string;
  product: string;
  mode: GeneratedLinkMode;
  volume: number;
  unit: string;
  status: GeneratedLinkStatus;
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
