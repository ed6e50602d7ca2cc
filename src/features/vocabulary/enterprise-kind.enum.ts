import { ENTERPRISE_KINDS, type EnterpriseKind as Kind } from '../../engine';
import { registerValuesEnum } from '../../platform/graphql/register-values-enum';

/** What an enterprise does in the chain (README §1): the engine's list, as a GraphQL enum. */
export type EnterpriseKind = Kind;
export const EnterpriseKind = registerValuesEnum(ENTERPRISE_KINDS, {
  name: 'EnterpriseKind',
  description:
    'What an enterprise does. MARKET, FOREIGN_TRADE and LOGISTICS pass goods through product by product; ' +
    'every other kind is a producer that needs all its input products.',
});
