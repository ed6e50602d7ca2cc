import http from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '../graphql/error-code';
import type { Logger } from '../logging/create-logger';
import type { Refuse } from './refuse';

/** Largest GraphQL request body; a larger graph is imported with `npm run import`. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The last handlers: every error and unknown route answers JSON in the
 * GraphQL error shape, never Express's HTML page (which shows a stack trace
 * and paths outside production). Unexpected errors are logged and masked.
 */
export function jsonErrorHandler(logger: Logger, refuse: Refuse): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = Number((error as { status?: number }).status ?? (error as { statusCode?: number }).statusCode);
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return refuse(
        res,
        'body_size',
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; import large graphs with "npm run import"`,
      );
    }
    if (type === 'entity.parse.failed') {
      return refuse(res, 'bad_request', 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON');
    }
    if (status === 404) return notFoundResponse(req, res, refuse);
    if (status >= 400 && status < 500) {
      return refuse(res, 'bad_request', status, ErrorCode.BAD_REQUEST, `Bad request: ${http.STATUS_CODES[status]}`);
    }
    logger.error({ err: error, path: req.path }, 'unexpected error while serving HTTP');
    refuse(res, null, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}

function notFoundResponse(req: Request, res: Response, refuse: Refuse): void {
  refuse(res, null, 404, ErrorCode.NOT_FOUND, `Nothing here: ${req.method} ${req.path.slice(0, 200)}`);
}

/** Unknown routes: 404 in the same shape. */
export function jsonNotFound(refuse: Refuse): RequestHandler {
  return (req, res) => notFoundResponse(req, res, refuse);
}
