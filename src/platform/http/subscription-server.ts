import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type DocumentNode,
  execute,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  subscribe,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticator';
import { assertOperationAllowed } from '../auth/operation-guard-plugin';
import type { Principal } from '../auth/principal';
import { Role, roleAtLeast } from '../auth/role';
import { ErrorCode } from '../graphql/error-code';
import { operationLimitsCheck, type QueryLimits } from '../graphql/plugins/query-limits-plugin';
import type { Logger } from '../logging/create-logger';
import type { Metrics, RefusalReason } from '../metrics/metrics';
import { hostRefusal } from './host-check';
import { MAX_BODY_BYTES } from './json-error-handler';

/** Subscriptions one connection may hold at once; each costs a listener on the change feed. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;

export interface SubscriptionServerOptions<TContext> {
  server: Server;
  /** Where the WebSocket endpoint is: the same path as GraphQL over HTTP. */
  path: string;
  schema: GraphQLSchema;
  createContext: (principal: Principal) => TContext;
  authenticator: Authenticator;
  allowedHosts: readonly string[] | null;
  corsOrigins: readonly string[];
  limits: QueryLimits;
  maxTokens: number;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
  metrics: Metrics;
}

/** Answers an upgrade the service will not make with a plain HTTP error in the GraphQL error shape. */
function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const coded = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * GraphQL subscriptions over WebSocket with graphql-ws (the protocol
 * GraphiQL and Apollo Client speak) on the HTTP server's `path`. The upgrade
 * passes the same Host and Origin checks as HTTP requests; the connection
 * authenticates with `connectionParams.authorization` (or the upgrade's
 * Authorization header) like an HTTP request, and is closed with 4401
 * (credentials missing or proving nothing) or 4403 (no viewer role). Each
 * subscription passes the role guard and the query limits before it starts.
 * Only subscriptions run here; queries and mutations go over HTTP, where the
 * rate limit applies.
 */
export function createSubscriptionServer<TContext>(options: SubscriptionServerOptions<TContext>) {
  const { logger, metrics, schema } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const refusal = hostRefusal(options);
  const principals = new WeakMap<WebSocket, Principal>();
  const checkLimits = operationLimitsCheck(schema, options.limits);
  let closing = false;

  const refuse = (socket: Duplex, reason: RefusalReason, status: number, code: string, message: string) => {
    metrics.refused(reason);
    refuseUpgrade(socket, status, code, message);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== options.path)
      return refuseUpgrade(socket, 404, ErrorCode.NOT_FOUND, `No WebSocket endpoint at ${path}`);
    if (closing) {
      return refuse(socket, 'shutting_down', 503, ErrorCode.SERVICE_UNAVAILABLE, 'The service is shutting down');
    }
    const refused = refusal(request.headers);
    if (refused) return refuse(socket, refused.reason, 403, ErrorCode.FORBIDDEN, refused.message);
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.server.on('upgrade', onUpgrade);

  const format = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  const disposable = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: IncomingMessage }>(
    {
      // The service's own copy of graphql runs the operations (one copy, whichever build graphql-ws loads).
      execute,
      subscribe,
      onConnect: async ({ connectionParams, extra }) => {
        const given = connectionParams?.authorization;
        const authorization = given === undefined ? extra.request.headers.authorization : given;
        let principal: Principal;
        try {
          if (typeof authorization !== 'string' && authorization !== undefined) {
            throw coded('connectionParams.authorization must be "Bearer <token>"', ErrorCode.UNAUTHENTICATED);
          }
          principal = await options.authenticator.authenticate(authorization);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          metrics.refused('unauthenticated');
          extra.socket.close(CloseCode.Unauthorized, error.message.slice(0, 120));
          return false;
        }
        if (!roleAtLeast(principal.role, Role.VIEWER)) {
          const anonymous = principal.via === 'anonymous';
          metrics.refused(anonymous ? 'unauthenticated' : 'forbidden');
          extra.socket.close(
            anonymous ? CloseCode.Unauthorized : CloseCode.Forbidden,
            anonymous
              ? 'Subscriptions need the viewer role: send a bearer token'
              : 'Subscriptions need the viewer role',
          );
          return false;
        }
        principals.set(extra.socket, principal);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const principal = principals.get(ctx.extra.socket);
        if (!principal) return [coded('The connection is not authenticated', ErrorCode.UNAUTHENTICATED)];
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            coded(
              `A connection may hold ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions at once; complete some first`,
              ErrorCode.QUERY_TOO_COMPLEX,
            ),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError) return [coded(error.message, 'GRAPHQL_PARSE_FAILED')];
          throw error;
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) {
          return invalid.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
          );
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [coded('Name the operation to run (operationName)', ErrorCode.BAD_REQUEST)];
        if (operation.operation !== 'subscription') {
          return [
            coded(
              `Send ${operation.operation} operations with POST /graphql; WebSocket runs subscriptions`,
              ErrorCode.BAD_REQUEST,
            ),
          ];
        }
        try {
          assertOperationAllowed(schema, document, operation, principal);
          checkLimits({ document, operation, operationName: payload.operationName, variables: payload.variables });
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: options.createContext(principal),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    /** Open WebSocket connections. */
    connections: () => wss.clients.size,
    /** Refuses new connections and closes the open ones (1001 Going away), ending their subscriptions. */
    async close(): Promise<void> {
      if (closing) return;
      closing = true;
      try {
        await disposable.dispose();
      } catch (error) {
        logger.warn({ err: error }, 'closing the WebSocket server failed');
      }
      options.server.off('upgrade', onUpgrade);
    },
  };
}
