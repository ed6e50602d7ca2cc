import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../../logging/create-logger';

/** One log line per GraphQL operation: name, duration and error codes. */
export function requestLogPlugin<TContext extends BaseContext>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operationName }) {
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          logger.info(
            {
              operation: operationName ?? request.operationName ?? null,
              ms: Math.round(performance.now() - started),
              errors: codes,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
