import type { Response } from 'express';

/**
 * Answers outside GraphQL execution (authentication, limits, bad bodies) in
 * the GraphQL error shape, so every error a client sees reads the same way.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
