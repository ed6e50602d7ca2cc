import { forbidden, unauthenticated } from '../graphql/user-errors';
import type { Principal } from './principal';
import { roleAtLeast, type Role } from './role';

/** Throws UNAUTHENTICATED (401) or FORBIDDEN (403) unless the principal's role covers `required`. */
export function assertAllowed(principal: Principal, required: Role, what: string): void {
  if (roleAtLeast(principal.role, required)) return;
  if (principal.via === 'anonymous') {
    throw unauthenticated(
      `${what} needs the ${required} role: send "Authorization: Bearer <token>" with an API token or a JWT`,
    );
  }
  const has = principal.role ? `role ${principal.role}` : 'no role';
  throw forbidden(`${principal.actor} (${has}) may not use ${what}: it needs the ${required} role`);
}
