/**
 * Plain input to the impact engine: one snapshot of the supply graph as the
 * data layer reads it. Field meanings follow README §1.
 */

export type EnterpriseKind =
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

export type EnterpriseStatus = 'OPERATING' | 'PARTIAL' | 'STALLED' | 'CLOSED';

export type TransportMode = 'ROAD' | 'RAIL' | 'WATER' | 'AIR' | 'PIPELINE' | 'LOCAL';

export type LinkStatus = 'OPEN' | 'BLOCKED';

/** Every kind, in a fixed order: the engine stores a kind as its position here. */
export const ENTERPRISE_KINDS: readonly EnterpriseKind[] = [
  'RAW_MATERIAL',
  'CHEMICAL',
  'FIBER',
  'WEAVING',
  'PRINTING_DYEING',
  'GARMENT',
  'MANUFACTURER',
  'MARKET',
  'FOREIGN_TRADE',
  'LOGISTICS',
  'OTHER',
];

/** Every status, in a fixed order: the engine stores a status as its position here. */
export const ENTERPRISE_STATUSES: readonly EnterpriseStatus[] = ['OPERATING', 'PARTIAL', 'STALLED', 'CLOSED'];

/** Every mode, in a fixed order: the engine stores a mode as its position here. */
export const TRANSPORT_MODES: readonly TransportMode[] = ['ROAD', 'RAIL', 'WATER', 'AIR', 'PIPELINE', 'LOCAL'];

/** Every link status. */
export const LINK_STATUSES: readonly LinkStatus[] = ['OPEN', 'BLOCKED'];

/** Kinds that forward goods product by product instead of transforming them (§1). */
export const PASS_THROUGH_KINDS: ReadonlySet<EnterpriseKind> = new Set<EnterpriseKind>([
  'MARKET',
  'FOREIGN_TRADE',
  'LOGISTICS',
]);

export interface EngineEnterprise {
  id: string;
  kind: EnterpriseKind;
  region: string;
  park: string | null;
  status: EnterpriseStatus;
  /** Share of normal output running now, 0..1 (values outside are clamped). */
  capacityRecovery: number;
  dailyCapacity: number | null;
  /** CNY per day of normal full output (§8); absent or null when unknown. */
  dailyOutputValue?: number | null;
  /** Unit of dailyCapacity (metres, tonnes, ...); absent or null when unknown. */
  unit?: string | null;
}

export interface EngineLink {
  id: string;
  from: string;
  to: string;
  product: string;
  mode: TransportMode;
  /** Normal volume per day; null means 1. */
  volume: number | null;
  status: LinkStatus;
  /** Days the customer runs on stock of this input; null means 0. */
  inventoryDays: number | null;
}

export interface SupplyGraphInput {
  enterprises: readonly EngineEnterprise[];
  links: readonly EngineLink[];
}
