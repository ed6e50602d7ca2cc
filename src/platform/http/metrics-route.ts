import type { RequestHandler } from 'express';
import type { Principal } from '../auth/principal';
import { Role, roleAtLeast } from '../auth/role';
import { isLoopbackHost } from '../config/config';
import { ErrorCode } from '../graphql/error-code';
import type { Metrics } from '../metrics/metrics';
import type { Refuse } from './refuse';

/** Metrics are for the machine itself (a local agent) and for admins. */
export function mayReadMetrics(remoteAddress: string | undefined, principal: Principal): boolean {
  return (remoteAddress !== undefined && isLoopbackHost(remoteAddress)) || roleAtLeast(principal.role, Role.ADMIN);
}

/** GET /metrics in Prometheus text format, after authentication. */
export function metricsRoute(metrics: Metrics, refuse: Refuse): RequestHandler {
  return async (req, res) => {
    const principal = res.locals.principal as Principal;
    if (!mayReadMetrics(req.socket.remoteAddress, principal)) {
      const anonymous = principal.via === 'anonymous';
      return refuse(
        res,
        anonymous ? 'unauthenticated' : 'forbidden',
        anonymous ? 401 : 403,
        anonymous ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
        '/metrics is served to loopback clients and to admin tokens',
      );
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  };
}
