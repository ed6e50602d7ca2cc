import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Authenticator } from '../auth/authenticator';
import { ErrorCode } from '../graphql/error-code';
import { httpStatusOf } from '../graphql/http-status';
import type { RateLimiter } from './rate-limiter';
import type { Refuse } from './refuse';

/**
 * Puts the request's principal in `res.locals.principal`, or answers 401
 * (credentials that prove nothing) or 503 (the token store is unreachable).
 * Failed attempts spend the client address's rate limit, so guessing tokens
 * is as slow as any other flood.
 */
export function authenticateRequest(
  authenticator: Authenticator,
  limiter: RateLimiter,
  refuse: Refuse,
): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.principal = await authenticator.authenticate(req.headers.authorization);
      return next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const code = String(error.extensions.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      if (code === ErrorCode.UNAUTHENTICATED) {
        const wait = limiter.take(`unauthenticated@${req.socket.remoteAddress ?? ''}`);
        if (wait > 0) return refuseRateLimited(res, refuse, wait, 'failed authentications from this address');
        return refuse(res, 'unauthenticated', 401, code, error.message, { 'WWW-Authenticate': 'Bearer' });
      }
      return refuse(res, null, httpStatusOf(code), code, error.message);
    }
  };
}

export function refuseRateLimited(res: Parameters<Refuse>[0], refuse: Refuse, waitSeconds: number, what: string): void {
  refuse(res, 'rate_limit', 429, ErrorCode.RATE_LIMITED, `Too many ${what}; try again in ${waitSeconds} s`, {
    'Retry-After': String(waitSeconds),
  });
}
