import { ANONYMOUS, type Actor } from '../actor';
import type { Role } from './role';

/**
 * Who makes a request: how they proved it, the role it grants, and the actor
 * name their writes record (`token:<name>`, `jwt:<sub>`, `anonymous`).
 */
export interface Principal {
  actor: Actor;
  /** Null for an anonymous request when ANONYMOUS_ROLE is none: it may do nothing. */
  role: Role | null;
  via: 'token' | 'jwt' | 'anonymous';
}

export function anonymousPrincipal(role: Role | null): Principal {
  return { actor: ANONYMOUS, role, via: 'anonymous' };
}
