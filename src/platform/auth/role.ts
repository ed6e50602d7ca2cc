/**
 * What a principal may do, each role including the ones before it:
 * - viewer: read the graph (enterprises, links, chains, paths, recovery, history);
 * - analyst: also what-ifs (impact, rankings, alternatives, plans) and saved scenarios of its own;
 * - editor: also status and entity changes, and every saved scenario;
 * - admin: also imports, deletions and API tokens.
 */
export const Role = {
  VIEWER: 'viewer',
  ANALYST: 'analyst',
  EDITOR: 'editor',
  ADMIN: 'admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

/** Least to most privileged. */
export const ROLES: readonly Role[] = [Role.VIEWER, Role.ANALYST, Role.EDITOR, Role.ADMIN];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` includes everything `required` may do. */
export function roleAtLeast(role: Role | null, required: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The most privileged of the known roles among `values` (a JWT claim may hold several); null when none. */
export function highestRole(values: readonly unknown[]): Role | null {
  let best: Role | null = null;
  for (const value of values) {
    if (isRole(value) && (best === null || ROLES.indexOf(value) > ROLES.indexOf(best))) best = value;
  }
  return best;
}
