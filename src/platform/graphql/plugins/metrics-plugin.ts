import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { Metrics, RefusalReason } from '../../metrics/metrics';
import { ErrorCode } from '../error-code';

const REFUSAL_REASONS: Readonly<Record<string, RefusalReason>> = {
  [ErrorCode.UNAUTHENTICATED]: 'unauthenticated',
  [ErrorCode.FORBIDDEN]: 'forbidden',
  [ErrorCode.QUERY_TOO_COMPLEX]: 'query_limits',
  [ErrorCode.BAD_USER_INPUT]: 'validation',
  [ErrorCode.BAD_REQUEST]: 'validation',
  [ApolloServerErrorCode.GRAPHQL_PARSE_FAILED]: 'validation',
  [ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED]: 'validation',
};

/**
 * Counts and times every GraphQL request by operation name and outcome (ok,
 * or its first error's code), and refusals by reason when nothing ran.
 */
export function metricsPlugin<TContext extends BaseContext>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const code = result.errors?.[0]?.extensions?.code;
          const outcome = typeof code === 'string' ? code : result.errors?.length ? 'UNKNOWN' : 'ok';
          const labels = { operation: metrics.operationLabel(operationName), outcome };
          metrics.requests.inc(labels);
          metrics.requestSeconds.observe(labels, (performance.now() - started) / 1000);
          const reason = REFUSAL_REASONS[outcome];
          if (reason && (result.data === undefined || result.data === null)) metrics.refused(reason);
        },
      };
    },
  };
}
