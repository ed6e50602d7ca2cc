import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationRootFields } from '../graphql/operation-root-fields';
import { forbidden } from '../graphql/user-errors';
import { requiredRole } from './allow';
import { assertAllowed } from './assert-allowed';
import type { PrincipalContext } from './auth-checker';
import type { Principal } from './principal';
import { Role } from './role';

/**
 * Throws UNAUTHENTICATED or FORBIDDEN when one of the operation's root
 * fields needs a role the principal lacks. A field without a declared role
 * is refused to everyone (a test checks that none exists). Introspection
 * needs a principal with a role; `__typename` needs nothing.
 */
export function assertOperationAllowed(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  principal: Principal,
): void {
  const fields = schema.getRootType(operation.operation)?.getFields() ?? {};
  for (const node of operationRootFields(document, operation)) {
    const name = node.name.value;
    if (name === '__typename') continue;
    const required = name.startsWith('__') ? Role.VIEWER : requiredRole(fields[name]);
    if (!required) throw forbidden(`${name} declares no role, so nobody may use it`);
    assertAllowed(principal, required, name);
  }
}

/** Refuses an operation before any of it runs when the principal may not use one of its root fields. */
export function operationGuardPlugin<TContext extends PrincipalContext>(
  schema: GraphQLSchema,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation) assertOperationAllowed(schema, document, operation, contextValue.principal);
        },
      };
    },
  };
}
