import path from 'node:path';
import express, { type Request, type Response, type NextFunction, type Router } from 'express';

/**
 * Everything a page may load comes from this service. GraphiQL and React set
 * inline styles, and GraphiQL's fonts and icons are data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The browser pages, mounted before the GraphQL API:
 * - GET / : the chain explorer;
 * - GET /assets/* : the built scripts and styles (from `ensureWebBuild()`);
 * - GET /graphql from a browser (Accept prefers text/html, no `query`
 *   parameter): the GraphQL IDE. Every other /graphql request, POSTs and
 *   GETs with a query or asking for JSON, goes on to Apollo.
 */
export function createWebRouter(assetsDir: string): Router {
  const router = express.Router();
  const page = (file: string) => (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(assetsDir, file), (error) => {
      if (error) next(error);
    });
  };

  router.get('/', page('index.html'));
  router.get('/graphql', (req, res, next) => {
    if (wantsIde(req)) return page('ide.html')(req, res, next);
    next();
  });
  router.use(
    '/assets',
    express.static(path.join(assetsDir, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (res) => {
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}

/** A browser navigating to /graphql, not a GraphQL client. */
export function wantsIde(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.query && typeof req.query === 'object' && 'query' in req.query) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}
