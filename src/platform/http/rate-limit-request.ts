import type { RequestHandler } from 'express';
import type { Principal } from '../auth/principal';
import { refuseRateLimited } from './authenticate-request';
import type { RateLimiter } from './rate-limiter';
import type { Refuse } from './refuse';

/**
 * Answers 429 once a principal has spent its requests of the minute. A
 * token or JWT subject is one principal wherever it calls from; anonymous
 * requests are counted per client address.
 */
export function rateLimitRequest(limiter: RateLimiter, refuse: Refuse): RequestHandler {
  return (req, res, next) => {
    const principal = res.locals.principal as Principal;
    const key = principal.via === 'anonymous' ? `anonymous@${req.socket.remoteAddress ?? ''}` : principal.actor;
    const wait = limiter.take(key);
    if (wait > 0) return refuseRateLimited(res, refuse, wait, `requests from ${principal.actor}`);
    next();
  };
}
