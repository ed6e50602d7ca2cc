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
