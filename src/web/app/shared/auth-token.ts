/**
 * The token the user pasted (an API token or a JWT), kept in sessionStorage:
 * it lasts as long as the tab and is never sent anywhere but this service.
 */
const KEY = 'linkfall:token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps `token`, or forgets it when empty or null. */
export function storeToken(token: string | null): void {
  try {
    if (token && token.trim()) sessionStorage.setItem(KEY, token.trim());
    else sessionStorage.removeItem(KEY);
  } catch {
    // No storage: requests go without a token.
  }
}

/** The Authorization header for the stored token, if there is one. */
export function authorizationHeader(): Record<string, string> {
  const token = storedToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
