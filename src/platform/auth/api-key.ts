import { createHash, randomBytes } from 'node:crypto';

/** Every API key starts with this, so a leaked one is easy to recognise (and to tell from a JWT). */
export const API_KEY_PREFIX = 'lfk_';

/**
 * A new API key: 256 random bits. Only its hash is stored; the key itself is
 * shown once, to whoever created it.
 */
export function generateApiKey(): { key: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}

/**
 * SHA-256 of the key. Enough for keys of 256 random bits: there is nothing to
 * guess, so a slow password hash would only slow every request down.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(API_KEY_PREFIX) && credential.length < 200;
}
