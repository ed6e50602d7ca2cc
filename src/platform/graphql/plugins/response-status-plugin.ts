import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { responseStatus } from '../http-status';

/**
 * Sets each GraphQL response's HTTP status from its errors' codes, by the
 * one rule of `responseStatus`: refusals and failed mutations answer
 * 400/401/403/503..., partial results 200.
 */
export function responseStatusPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          // Apollo's own 405 (a mutation over GET) says more than 400 would.
          if (!errors?.length || response.http.status === 405) return;
          const codes = errors.map((error) => error.extensions?.code as string | undefined);
          // Partial only when some root field answered: a failed root field is null (root query fields are
          // nullable, so one failure leaves the others standing), and a response whose every root field
          // failed is a refusal.
          const failed = new Set(errors.map((error) => error.path?.[0]));
          const answered = Object.keys(data ?? {}).some((key) => !failed.has(key));
          response.http.status = responseStatus(codes, answered);
        },
      };
    },
  };
}
