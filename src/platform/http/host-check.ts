import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';

/** The host name of a Host header or an origin, lower case, without the port. */
export function hostName(host: string): string {
  const name = host.trim().toLowerCase();
  if (name.startsWith('[')) return name.slice(0, name.indexOf(']') + 1);
  return name.replace(/:\d*$/, '');
}

export interface HostCheckOptions {
  /** Accepted Host names; null accepts any. */
  allowedHosts: readonly string[] | null;
  /** Origins besides the service's own that may call it. */
  corsOrigins: readonly string[];
  /** Paths served to any Host: probes from orchestrators name the pod's address. */
  openPaths: readonly string[];
  refuse: (res: Parameters<RequestHandler>[1], reason: 'host' | 'origin', message: string) => void;
}

/** The origin of the page a browser request comes from, when it says. */
function originOf(headers: IncomingHttpHeaders): string | null {
  const origin = headers.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin.toLowerCase() : null;
}

/** Why a request's Host or Origin is refused; null when both may call the service. */
export interface HostRefusal {
  reason: 'host' | 'origin';
  message: string;
}

/**
 * The Host and Origin rules (hostCheck) as a function of the headers, for
 * requests that never reach express: the WebSocket upgrade.
 */
export function hostRefusal(
  options: Pick<HostCheckOptions, 'allowedHosts' | 'corsOrigins'>,
): (headers: IncomingHttpHeaders) => HostRefusal | null {
  const allowed = options.allowedHosts ? new Set(options.allowedHosts) : null;
  const origins = new Set(options.corsOrigins.map((origin) => origin.toLowerCase()));
  return (headers) => {
    const host = headers.host ?? '';
    if (allowed && !allowed.has(hostName(host))) {
      return {
        reason: 'host',
        message: `Host "${host.slice(0, 100)}" is not a name of this service; add it to ALLOWED_HOSTS`,
      };
    }
    const origin = originOf(headers);
    if (origin !== null && !origins.has(origin)) {
      let sameOrigin = false;
      try {
        sameOrigin = new URL(origin).host === host.toLowerCase();
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) {
        return {
          reason: 'origin',
          message: `Origin "${origin.slice(0, 100)}" may not call this service; add it to CORS_ORIGINS`,
        };
      }
    }
    return null;
  };
}

/**
 * Refuses requests whose Host is not one of the service's names (DNS
 * rebinding: a web page whose name resolves to 127.0.0.1 reaching a loopback
 * service) and browser requests from another origin that CORS_ORIGINS does
 * not list (a page elsewhere cannot use the service with the browser's
 * access). Both answer 403.
 */
export function hostCheck(options: HostCheckOptions): RequestHandler {
  const refusal = hostRefusal(options);
  return (req, res, next) => {
    if (options.openPaths.includes(req.path)) return next();
    const refused = refusal(req.headers);
    if (refused) return options.refuse(res, refused.reason, refused.message);
    next();
  };
}
