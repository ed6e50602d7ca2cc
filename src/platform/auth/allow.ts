import type { GraphQLField } from 'graphql';
import { Authorized, Extensions } from 'type-graphql';
import { isRole, type Role } from './role';

/** The schema extension where each root field keeps the least role it needs. */
const ROLE_EXTENSION = 'allow';

/**
 * Declares the least role a query, mutation or field needs. type-graphql's
 * authChecker enforces it as the field resolves, and the field carries it in
 * its schema extensions, so the operation guard refuses a whole operation
 * before any of it runs (a mutation document is never half done by a refusal).
 */
export function Allow(role: Role): MethodDecorator & PropertyDecorator {
  const authorized = Authorized(role);
  const extensions = Extensions({ [ROLE_EXTENSION]: role });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key, descriptor as never);
    extensions(target, key, descriptor as never);
  };
}

/** The role a field declared with @Allow; null when it declared none. */
export function requiredRole(field: GraphQLField<unknown, unknown> | undefined): Role | null {
  const role = field?.extensions?.[ROLE_EXTENSION];
  return isRole(role) ? role : null;
}
