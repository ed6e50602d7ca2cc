import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { ErrorCode } from '../error-code';
import { operationDepth } from './operation-depth';

/** Lists without a page size are counted as this many items. */
const ASSUMED_LIST_SIZE = 10;

/**
 * A field's cost is 1 plus its children's cost times the number of items it
 * may return: `first`, `top` or `maxNodes` when given, else a small guess for
 * list fields. A connection's `edges` are counted by the connection's `first`.
 */
const paginationEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const size = (args.first ?? args.top ?? args.maxNodes) as number | undefined;
  const isList = /^\[|\]!?$/.test(String(field.type)) && field.name !== 'edges';
  const items = typeof size === 'number' ? size : isList ? ASSUMED_LIST_SIZE : 1;
  return 1 + childComplexity * items;
};

/**
 * Refuses, before they run, operations nested deeper than `maxDepth` or whose
 * estimated cost exceeds `maxCost`, so one query cannot walk the whole graph
 * through nested lists.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  limits: { maxDepth: number; maxCost: number },
): ApolloServerPlugin<TContext> {
  const { maxDepth, maxCost } = limits;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const depth = operation ? operationDepth(document, operation) : 0;
          if (depth > maxDepth) {
            throw new GraphQLError(`Query is ${depth} levels deep; the limit is ${maxDepth}.`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, depth, maxDepth },
            });
          }
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), paginationEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // Costing coerces the variables first, so a bad variable surfaces here.
            if (error instanceof GraphQLError) {
              throw new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { code: ErrorCode.BAD_USER_INPUT },
              });
            }
            throw error;
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested lists.`,
              {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost },
              },
            );
          }
        },
      };
    },
  };
}
