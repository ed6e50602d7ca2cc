import { ENTERPRISE_KINDS, type EnterpriseKind as Kind } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** What an enterprise does in the chain (README §1): the engine's list, as a GraphQL enum. */
export type EnterpriseKind = Kind;
export const EnterpriseKind = registerValuesEnum(ENTERPRISE_KINDS, {
  name: 'EnterpriseKind',
  description:
    'What an enterprise does. MARKET, FOREIGN_TRADE and LOGISTICS pass goods through product by product; ' +
    'every other kind is a producer that needs all its input products.',
  valueDescriptions: {
    RAW_MATERIAL: 'Producer of raw materials, e.g. a mine.',
    CHEMICAL: 'Chemical producer, e.g. dyestuff or phosphate.',
    FIBER: 'Producer of fibre or yarn.',
    WEAVING: 'Weaves yarn into grey fabric.',
    PRINTING_DYEING: 'Prints and dyes fabric.',
    GARMENT: 'Makes garments.',
    MANUFACTURER: 'Any other manufacturing plant.',
    MARKET: 'Wholesale market; forwards goods product by product.',
    FOREIGN_TRADE: 'Trading firm; forwards goods product by product.',
    LOGISTICS: 'Checkpoint, station, port or carrier; forwards goods product by product.',
    OTHER: 'A producer of another kind.',
  },
});
