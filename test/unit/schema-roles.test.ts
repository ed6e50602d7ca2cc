import { describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/app/build-graphql-schema';
import { requiredRole } from '../../src/platform/auth/allow';

/**
 * The roles matrix: every query, mutation and subscription declares the least role it
 * needs with @Allow. A root field without one fails here (and the operation
 * guard would refuse it to everyone).
 */
describe('the roles of the schema', () => {
  it('declares a role on every query, mutation and subscription, as the README lists them', async () => {
    const schema = await buildGraphQLSchema();
    const roles: Record<string, string | null> = {};
    for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        roles[`${type?.name}.${field.name}`] = requiredRole(field);
      }
    }
    expect(Object.keys(roles).filter((field) => roles[field] === null)).toEqual([]);
    expect(roles).toEqual({
      'Query.node': 'viewer',
      'Query.nodes': 'viewer',
      'Query.enterprise': 'viewer',
      'Query.enterprises': 'viewer',
      'Query.supplyLink': 'viewer',
      'Query.supplyLinks': 'viewer',
      'Query.chain': 'viewer',
      'Query.paths': 'viewer',
      'Query.recovery': 'viewer',
      'Query.recoveryTimeline': 'viewer',
      'Query.me': 'viewer',
      'Query.impact': 'analyst',
      'Query.criticalLinks': 'analyst',
      'Query.criticalEnterprises': 'analyst',
      'Query.alternativeSuppliers': 'analyst',
      'Query.alternativeRoutes': 'analyst',
      'Query.resumptionPlan': 'analyst',
      'Query.scenarios': 'analyst',
      'Query.scenario': 'analyst',
      'Query.compareScenarios': 'analyst',
      'Query.simulate': 'analyst',
      'Query.apiTokens': 'admin',
      'Query.importRun': 'admin',
      'Mutation.saveScenario': 'analyst',
      'Mutation.deleteScenario': 'analyst',
      'Mutation.setEnterpriseStatus': 'editor',
      'Mutation.setLinkStatus': 'editor',
      'Mutation.upsertEnterprise': 'editor',
      'Mutation.upsertSupplyLink': 'editor',
      'Mutation.deleteEnterprise': 'admin',
      'Mutation.deleteSupplyLink': 'admin',
      'Mutation.importGraph': 'admin',
      'Mutation.createApiToken': 'admin',
      'Mutation.revokeApiToken': 'admin',
      'Subscription.graphChanged': 'viewer',
      'Subscription.statusChanged': 'viewer',
    });
  });
});
