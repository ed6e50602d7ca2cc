import { generateKeyPair, exportSPKI, SignJWT } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/platform/auth/api-key';
import { Authenticator } from '../../src/platform/auth/authenticator';
import { createJwtVerifier, type JwtOptions } from '../../src/platform/auth/jwt-verifier';
import { highestRole, roleAtLeast } from '../../src/platform/auth/role';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const HS256: JwtOptions = {
  secret: SECRET,
  publicKeyFile: null,
  jwksFile: null,
  algorithms: ['HS256'],
  issuer: 'https://idp.example',
  audience: 'linkfall',
  roleClaim: 'realm_access.roles',
};

const sign = (claims: Record<string, unknown>, options: { exp?: string; iss?: string; aud?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice@example')
    .setIssuer(options.iss ?? 'https://idp.example')
    .setAudience(options.aud ?? 'linkfall')
    .setExpirationTime(options.exp ?? '5m')
    .sign(new TextEncoder().encode(SECRET));

/** An authenticator whose only live API token is `key`, for role `editor`, named `ops`. */
function authenticatorWith(key: string, jwt: Awaited<ReturnType<typeof createJwtVerifier>> | null = null) {
  return new Authenticator({
    anonymousRole: null,
    findApiKey: async (hash) => (hash === hashApiKey(key) ? { name: 'ops', role: 'editor' } : null),
    jwt,
  });
}

describe('roles', () => {
  it('orders viewer < analyst < editor < admin, and takes the highest known role of a claim', () => {
    expect(roleAtLeast('editor', 'analyst')).toBe(true);
    expect(roleAtLeast('analyst', 'editor')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
    expect(highestRole(['offline_access', 'viewer', 'editor'])).toBe('editor');
    expect(highestRole([undefined, 'superuser'])).toBeNull();
  });
});

describe('authentication', () => {
  it('takes a request without credentials for anonymous, with ANONYMOUS_ROLE', async () => {
    const principal = await authenticatorWith('lfk_none').authenticate(undefined);
    expect(principal).toEqual({ actor: 'anonymous', role: null, via: 'anonymous' });
  });

  it('finds an API token by the hash of its key, and refuses unknown keys and other schemes', async () => {
    const { key, hash } = generateApiKey();
    expect(key).toMatch(/^lfk_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashApiKey(key));
    expect(hash).not.toContain(key.slice(4, 20));
    const authenticator = authenticatorWith(key);
    expect(await authenticator.authenticate(`Bearer ${key}`)).toEqual({
      actor: 'token:ops',
      role: 'editor',
      via: 'token',
    });
    await expect(authenticator.authenticate(`Bearer ${generateApiKey().key}`)).rejects.toMatchObject({
      message: 'The API token is unknown or was revoked',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(authenticator.authenticate(`Basic ${key}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await expect(authenticator.authenticate('Bearer eyJhbGciOi.x.y')).rejects.toThrow(/JWT is not configured/);
  });

  it('verifies an HS256 JWT: signature, expiry, issuer and audience; role from a nested claim', async () => {
    const authenticator = authenticatorWith('lfk_none', await createJwtVerifier(HS256));
    const token = await sign({ realm_access: { roles: ['offline_access', 'analyst'] } });
    expect(await authenticator.authenticate(`Bearer ${token}`)).toEqual({
      actor: 'jwt:alice@example',
      role: 'analyst',
      via: 'jwt',
    });
    const refused = async (jwt: string, reason: RegExp) =>
      expect(authenticator.authenticate(`Bearer ${jwt}`)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
        message: expect.stringMatching(reason),
      });
    await refused(
      await sign({ realm_access: { roles: ['admin'] } }, { exp: '-5m' }),
      /"exp" claim timestamp check failed/,
    );
    await refused(await sign({}, { iss: 'https://evil.example' }), /unexpected "iss" claim value/);
    await refused(await sign({}, { aud: 'other-service' }), /unexpected "aud" claim value/);
    await refused(`${token.slice(0, -4)}AAAA`, /signature verification failed/);
    // A JWT with no known role authenticates, and may do nothing.
    expect((await authenticator.authenticate(`Bearer ${await sign({})}`)).role).toBeNull();
  });

  it('verifies an RS256 JWT with a public key from a PEM file, refusing other algorithms', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-jwt-')), 'public.pem');
    fs.writeFileSync(file, await exportSPKI(publicKey));
    const verifier = await createJwtVerifier({
      ...HS256,
      secret: null,
      publicKeyFile: file,
      algorithms: ['RS256'],
      roleClaim: 'role',
    });
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('ci')
      .setIssuer('https://idp.example')
      .setAudience('linkfall')
      .setExpirationTime('1m')
      .sign(privateKey);
    expect(await verifier.verify(token)).toEqual({ actor: 'jwt:ci', role: 'admin', via: 'jwt' });
    // The same claims signed with HS256 (the "alg confusion" attack) are refused.
    await expect(verifier.verify(await sign({ role: 'admin' }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
