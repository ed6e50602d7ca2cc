import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GraphQLResponse } from './test-server';

/** How a WebSocket connection ended: its close code and reason. */
export interface Closed {
  code: number;
  reason: string;
}

/** One subscription's results as they arrive, and how it ended. */
export interface LiveSubscription<T> {
  results: GraphQLResponse<T>[];
  /** Settles with the close event or the errors the subscription ended with. */
  ended: Promise<unknown>;
  /** Resolves once `count` results have arrived; fails after `timeoutMs`. */
  received(count: number, timeoutMs?: number): Promise<GraphQLResponse<T>[]>;
}

export interface LiveClientOptions {
  connectionParams?: Record<string, unknown>;
  /** Headers of the upgrade request (Authorization, Origin, Host). */
  headers?: Record<string, string>;
}

/**
 * A graphql-ws client (what GraphiQL and Apollo Client use) for a test
 * server's http URL, never retrying, so a refusal shows as its close code.
 */
export function liveClient(httpUrl: string, options: LiveClientOptions = {}) {
  const headers = options.headers ?? {};
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let closed: Closed | null = null;
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocketWithHeaders,
    connectionParams: options.connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        closed = { code, reason: String(reason) };
      },
    },
  });

  /** Starts a subscription and collects what it delivers. */
  function subscribe<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): LiveSubscription<T> {
    const results: GraphQLResponse<T>[] = [];
    const waiters: (() => void)[] = [];
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            results.push(result as GraphQLResponse<T>);
            for (const wake of waiters.splice(0)) wake();
          },
          error: (error) => resolve(error),
          complete: () => resolve(closed),
        },
      );
    });
    let end: unknown = undefined;
    let isEnded = false;
    void ended.then((how) => {
      end = how;
      isEnded = true;
      for (const wake of waiters.splice(0)) wake();
    });
    const received = async (count: number, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (results.length < count) {
        if (isEnded) {
          throw new Error(`the subscription ended after ${results.length} of ${count} results: ${JSON.stringify(end)}`);
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`received ${results.length} of ${count} results in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return results.slice(0, count);
    };
    return { results, ended, received };
  }

  return {
    subscribe,
    /** The close code and reason, once the connection has closed. */
    closed: () => closed,
    dispose: () => client.dispose(),
  };
}
