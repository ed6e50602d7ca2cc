import 'reflect-metadata';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiTokenResolver } from '../features/access/api-token.resolver';
import { ChainResolver } from '../features/chain/chain.resolver';
import { EnterpriseResolver } from '../features/enterprise/enterprise.resolver';
import { ImportResolver } from '../features/import/import.resolver';
import {
  AffectedEnterpriseResolver,
  ImpactGraphResolver,
  ImpactReportResolver,
  ImpactResolver,
} from '../features/impact/impact.resolver';
import {
  ComparedEnterpriseResolver,
  ScenarioComparisonResolver,
  ScenarioResolver,
} from '../features/scenario/scenario.resolver';
import {
  EnterpriseTrajectoryResolver,
  SimulationResolver,
  SimulationResultResolver,
  WatchedSeriesResolver,
} from '../features/simulation/simulation.resolver';
import { NodeResolver } from '../features/node/node.resolver';
import { RecoveryResolver } from '../features/recovery/recovery.resolver';
import { EnterpriseLinksResolver } from '../features/supply-link/enterprise-links.resolver';
import { SupplyLinkResolver } from '../features/supply-link/supply-link.resolver';
import { authChecker } from '../platform/auth/auth-checker';
import { PROJECT_ROOT } from '../platform/project-root';

/** The committed SDL; `npm run schema` writes it and a test keeps it current. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema.graphql');

export const RESOLVERS = [
  NodeResolver,
  EnterpriseResolver,
  EnterpriseLinksResolver,
  SupplyLinkResolver,
  ChainResolver,
  RecoveryResolver,
  ImportResolver,
  ImpactResolver,
  ImpactReportResolver,
  AffectedEnterpriseResolver,
  ImpactGraphResolver,
  ScenarioResolver,
  ScenarioComparisonResolver,
  ComparedEnterpriseResolver,
  SimulationResolver,
  SimulationResultResolver,
  EnterpriseTrajectoryResolver,
  WatchedSeriesResolver,
  ApiTokenResolver,
] as const;

/**
 * Builds the executable schema from the type-graphql classes. Inputs are
 * validated with class-validator; a failure is BAD_USER_INPUT naming the field.
 * Each query and mutation declares its least role with @Allow, which the
 * auth checker enforces (and the operation guard before execution).
 */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    // Missing fields are validated too: a rule may require one depending on another (capacityRecovery when PARTIAL).
    validate: { forbidUnknownValues: false, stopAtFirstError: false, skipMissingProperties: false },
    emitSchemaFile: false,
    authChecker,
  });
  // type-graphql has no option for the root types' descriptions, which the IDE's docs pane shows first.
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: the graph, what-ifs on it, recovery and saved scenarios. Never writes.';
  if (mutation) mutation.description = 'Writes: each one all or nothing, recorded with who made it.';
  return schema;
}
