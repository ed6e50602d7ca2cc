import { registerEnumType } from 'type-graphql';

/** What an enterprise does in the chain (README §1). */
export enum EnterpriseKind {
  RAW_MATERIAL = 'RAW_MATERIAL',
  CHEMICAL = 'CHEMICAL',
  FIBER = 'FIBER',
  WEAVING = 'WEAVING',
  PRINTING_DYEING = 'PRINTING_DYEING',
  GARMENT = 'GARMENT',
  MANUFACTURER = 'MANUFACTURER',
  MARKET = 'MARKET',
  FOREIGN_TRADE = 'FOREIGN_TRADE',
  LOGISTICS = 'LOGISTICS',
  OTHER = 'OTHER',
}

/** The current real state of an enterprise. */
export enum EnterpriseStatus {
  OPERATING = 'OPERATING',
  PARTIAL = 'PARTIAL',
  STALLED = 'STALLED',
  CLOSED = 'CLOSED',
}

/** How goods move along a supply link. */
export enum TransportMode {
  ROAD = 'ROAD',
  RAIL = 'RAIL',
  WATER = 'WATER',
  AIR = 'AIR',
  PIPELINE = 'PIPELINE',
  LOCAL = 'LOCAL',
}

/** The current real state of a supply link. */
export enum LinkStatus {
  OPEN = 'OPEN',
  BLOCKED = 'BLOCKED',
}

/** Kinds that forward goods product by product instead of transforming them. */
export const PASS_THROUGH: ReadonlySet<EnterpriseKind> = new Set([
  EnterpriseKind.MARKET,
  EnterpriseKind.FOREIGN_TRADE,
  EnterpriseKind.LOGISTICS,
]);

registerEnumType(EnterpriseKind, {
  name: 'EnterpriseKind',
  description: 'What an enterprise does. MARKET, FOREIGN_TRADE and LOGISTICS pass goods through product by product; every other kind is a producer that needs all its input products.',
});
registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Current real state. PARTIAL runs at its capacityRecovery; STALLED and CLOSED are down.',
});
registerEnumType(TransportMode, { name: 'TransportMode', description: 'How goods move along a supply link.' });
registerEnumType(LinkStatus, { name: 'LinkStatus', description: 'Current real state of a supply link.' });
