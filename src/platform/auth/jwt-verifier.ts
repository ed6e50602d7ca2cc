import fs from 'node:fs';
import {
  createLocalJWKSet,
  importSPKI,
  importX509,
  jwtVerify,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { unauthenticated } from '../graphql/user-errors';
import type { Principal } from './principal';
import { highestRole } from './role';

/** Longest `sub` taken into an actor name. */
const MAX_SUBJECT_LENGTH = 200;

/** How JWTs are checked; exactly one of secret, publicKeyFile and jwksFile is set. */
export interface JwtOptions {
  /** HS256 shared secret. */
  secret: string | null;
  /** PEM public key (SPKI) or certificate, for RS256/ES256/PS256. */
  publicKeyFile: string | null;
  /** A JSON Web Key Set in a local file (keys chosen by `kid`). */
  jwksFile: string | null;
  /** Accepted `alg` values; nothing else is. */
  algorithms: string[];
  issuer: string | null;
  audience: string | null;
  /** Where the role is: a claim name or a dotted path. */
  roleClaim: string;
}

/** The key file cannot be read or holds no key: the service does not start. */
export class JwtKeyError extends Error {
  override name = 'JwtKeyError';
}

export interface JwtVerifier {
  /** The principal a valid token names; UNAUTHENTICATED for any other. */
  verify(token: string): Promise<Principal>;
}

type VerifyKey = Uint8Array | KeyLike | JWTVerifyGetKey;

/** The key the configuration names: an HS256 secret, a PEM public key or certificate, or a local JWKS file. */
async function loadKey(config: JwtOptions): Promise<VerifyKey> {
  if (config.secret) return new TextEncoder().encode(config.secret);
  const file = (config.publicKeyFile ?? config.jwksFile) as string;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new JwtKeyError(`Cannot read the JWT key file ${file}: ${(error as Error).message}`);
  }
  try {
    if (config.jwksFile) return createLocalJWKSet(JSON.parse(text));
    const algorithm = config.algorithms[0];
    return text.includes('BEGIN CERTIFICATE') ? await importX509(text, algorithm) : await importSPKI(text, algorithm);
  } catch (error) {
    throw new JwtKeyError(`The JWT key file ${file} holds no usable key: ${(error as Error).message}`);
  }
}

/** A claim by dotted path: `role`, or `realm_access.roles` for Keycloak. */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }, payload);
}

/**
 * Verifies JSON Web Tokens with `jose`: the signature with the configured key
 * and algorithms only, `exp` (required) and `nbf`, and `iss` and `aud` when
 * configured. The role comes from the configured claim (a string or a list;
 * the highest known role wins), the actor from `sub`.
 */
export async function createJwtVerifier(config: JwtOptions): Promise<JwtVerifier> {
  const key = await loadKey(config);
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key as never, {
          algorithms: config.algorithms,
          issuer: config.issuer ?? undefined,
          audience: config.audience ?? undefined,
          requiredClaims: ['sub', 'exp'],
          clockTolerance: 30,
        }));
      } catch (error) {
        const reason = error instanceof errors.JOSEError ? error.message : 'it is not a valid JWT';
        throw unauthenticated(`The bearer token was refused: ${reason}`);
      }
      const subject = String(payload.sub);
      if (subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
        throw unauthenticated(`The bearer token was refused: sub must be 1 to ${MAX_SUBJECT_LENGTH} characters`);
      }
      const claim = claimAt(payload, config.roleClaim);
      return {
        actor: `jwt:${subject}`,
        role: highestRole(Array.isArray(claim) ? claim : [claim]),
        via: 'jwt',
      };
    },
  };
}
