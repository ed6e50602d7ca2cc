import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ChainResolver } from '../chain/chain.resolver';
import { EnterpriseResolver } from '../enterprise/enterprise.resolver';
import { ImportResolver } from '../import/import.resolver';
import { AffectedEnterpriseResolver, ImpactGraphResolver, ImpactReportResolver, ImpactResolver } from '../impact/impact.resolver';
import { ScenarioResolver } from '../scenario/scenario.resolver';
import { RecoveryResolver } from '../recovery/recovery.resolver';
import { SupplyLinkResolver } from '../supply-link/supply-link.resolver';

export const RESOLVERS = [
  EnterpriseResolver,
  SupplyLinkResolver,
  ChainResolver,
  RecoveryResolver,
  ImportResolver,
  ImpactResolver,
  ImpactReportResolver,
  AffectedEnterpriseResolver,
  ImpactGraphResolver,
  ScenarioResolver,
] as const;

/**
 * Builds the executable schema from the type-graphql classes. Inputs are
 * validated with class-validator; a failure is BAD_USER_INPUT naming the field.
 */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
}
