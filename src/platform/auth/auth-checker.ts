import type { AuthCheckerFn } from 'type-graphql';
import { assertAllowed } from './assert-allowed';
import type { Principal } from './principal';
import type { Role } from './role';

/** What the auth checker reads of the request context. */
export interface PrincipalContext {
  principal: Principal;
}

/** type-graphql's check of @Allow, as each field resolves. */
export const authChecker: AuthCheckerFn<PrincipalContext, Role> = ({ context, info }, roles) => {
  for (const role of roles) assertAllowed(context.principal, role, `${info.parentType.name}.${info.fieldName}`);
  return true;
};
