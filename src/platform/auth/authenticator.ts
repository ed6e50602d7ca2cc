import { unauthenticated } from '../graphql/user-errors';
import { hashApiKey, looksLikeApiKey } from './api-key';
import type { JwtVerifier } from './jwt-verifier';
import { anonymousPrincipal, type Principal } from './principal';
import type { Role } from './role';

/** Finds the live (not revoked) API token with this hash. */
export type ApiKeyLookup = (hash: string) => Promise<{ name: string; role: Role } | null>;

export interface AuthenticatorOptions {
  /** The role of requests without credentials; null: they may do nothing. */
  anonymousRole: Role | null;
  findApiKey: ApiKeyLookup;
  /** Set when JWT is configured. */
  jwt: JwtVerifier | null;
}

/**
 * Turns a request's Authorization header into its principal: none gives the
 * anonymous principal; `Bearer lfk_...` an API token looked up by its hash;
 * any other bearer token is verified as a JWT when JWT is configured.
 * Credentials that prove nothing are refused (UNAUTHENTICATED), never taken
 * for anonymous.
 */
export class Authenticator {
  constructor(private readonly options: AuthenticatorOptions) {}

  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '') {
      return anonymousPrincipal(this.options.anonymousRole);
    }
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    const credential = match[1];
    if (looksLikeApiKey(credential)) {
      const found = await this.options.findApiKey(hashApiKey(credential));
      if (!found) throw unauthenticated('The API token is unknown or was revoked');
      return { actor: `token:${found.name}`, role: found.role, via: 'token' };
    }
    if (this.options.jwt) return this.options.jwt.verify(credential);
    throw unauthenticated('The bearer token is not an API token of this service, and JWT is not configured');
  }
}
