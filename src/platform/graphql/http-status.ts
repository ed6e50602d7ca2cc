import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ErrorCode } from './error-code';

/** The HTTP status of each error code; a code not listed is answered as an internal error. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.NOT_FOUND]: 400,
  [ErrorCode.CONFLICT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: 400,
  [ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE]: 400,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND]: 400,
  [ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.ENGINE_TIMEOUT]: 503,
  // nginx's "client closed request": nobody reads it, but logs and metrics tell it apart.
  [ErrorCode.CANCELLED]: 499,
};

/** When errors of several codes come together, the first status here wins. */
const SEVERITY = [503, 500, 401, 403, 429, 413, 400, 499];

export function httpStatusOf(code: string | undefined): number {
  return (code && HTTP_STATUS_BY_CODE[code]) || 500;
}

/**
 * The status of a GraphQL response, by one rule:
 * - no errors: 200;
 * - SERVICE_UNAVAILABLE or ENGINE_TIMEOUT anywhere: 503, so clients and balancers retry;
 * - errors beside data (a partial result, e.g. one field of a query failed): 200,
 *   as GraphQL over HTTP asks, with each error's code in the body;
 * - errors and no data (the request was refused before it ran, or the error
 *   reached the root, as with every failed mutation): the status of the code,
 *   the most severe first when there are several.
 */
export function responseStatus(codes: readonly (string | undefined)[], hasData: boolean): number {
  if (codes.length === 0) return 200;
  const statuses = codes.map(httpStatusOf);
  if (statuses.includes(503)) return 503;
  if (hasData) return 200;
  return SEVERITY.find((status) => statuses.includes(status)) ?? 500;
}
