import 'reflect-metadata';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { ApiTokenResolver } from '../features/access/api-token.resolver';
import { ChainResolver } from '../features/chain/chain.resolver';
import { EnterpriseResolver } from '../features/enterprise/enterprise.resolver';
import { ImportResolver } from '../features/import/import.resolver';
import { LiveResolver } from '../features/live/live.resolver';
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
  LiveResolver,
] as const;

/**
 * type-graphql asks for a pubsub once there are subscriptions; ours read the
 * graph's change records instead (every instance sees every write), so
 * topics are never used.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Subscriptions read the graph change feed; nothing publishes to topics');
  },
  subscribe() {
    throw new Error('Subscriptions read the graph change feed; there are no topics');
  },
};

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
    pubSub: NO_TOPICS,
  });
  // type-graphql has no option for the root types' descriptions, which the IDE's docs pane shows first.
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: the graph, what-ifs on it, recovery and saved scenarios. Never writes.';
  if (mutation) mutation.description = 'Writes: each one all or nothing, recorded with who made it.';
  const subscription = schema.getSubscriptionType();
  if (subscription)
    subscription.description = 'Changes to the graph as they commit, on any service instance (over graphql-ws).';
  return schema;
}
