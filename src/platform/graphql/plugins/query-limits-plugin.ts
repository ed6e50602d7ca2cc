import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import {
  type ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { ErrorCode } from '../error-code';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-request';
import { operationRootFields } from '../operation-root-fields';
import { operationAliases, operationDepth } from './operation-depth';

/** Lists without a page size are counted as this many items. */
const ASSUMED_LIST_SIZE = 10;

/** The arguments that size a list, in the order they are looked for. */
const SIZE_ARGUMENTS = ['first', 'last', 'top', 'maxNodes'] as const;

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxRootFields: number;
  /**
   * The most items each size argument may ask for (the argument classes
   * refuse more). Sizes are clamped into 1..cap before costing, so neither a
   * negative nor a huge `first` can lower the cost of the rest of a document.
   */
  listSizeCaps: Readonly<Record<(typeof SIZE_ARGUMENTS)[number], number>>;
}

/** A size argument as costing sees it: a whole number within 1..cap; anything else counts as the cap. */
function clampedSize(value: unknown, cap: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return cap;
  return Math.min(cap, Math.max(1, Math.ceil(value)));
}

/**
 * A field's cost is 1 plus its children's cost times the number of items it
 * may return: its size argument (clamped) when it has one, else a small
 * guess for list fields. A connection's `edges` are counted by the
 * connection's `first`. An object that is not a list but takes a size (a
 * chain's `maxNodes`, an impact drawing's) holds lists of that size, which
 * its children have counted at the guess: they are scaled up to it, not
 * multiplied by it again.
 */
function paginationEstimator(caps: QueryLimits['listSizeCaps']): ComplexityEstimator {
  return ({ args, childComplexity, field, type: parent }) => {
    const sizeArgument = SIZE_ARGUMENTS.find((name) => args[name] !== undefined && args[name] !== null);
    const type = String(field.type);
    const isConnection = /Connection!?$/.test(type);
    // A connection's edges and nodes are counted by the connection's page size.
    const pageOfConnection = /Connection$/.test(parent.name) && (field.name === 'edges' || field.name === 'nodes');
    const isList = /^\[|\]!?$/.test(type) && !pageOfConnection;
    if (!sizeArgument) {
      // A connection asked for no size gets the default page; a list of ids (nodes) one item per id.
      if (isConnection) return 1 + childComplexity * DEFAULT_PAGE_SIZE;
      if (isList && Array.isArray(args.ids)) return 1 + childComplexity * clampedSize(args.ids.length, caps.first);
      return 1 + childComplexity * (isList ? ASSUMED_LIST_SIZE : 1);
    }
    const items = clampedSize(args[sizeArgument], caps[sizeArgument]);
    const holdsLists = !isList && !isConnection;
    return 1 + childComplexity * (holdsLists ? Math.max(1, items / ASSUMED_LIST_SIZE) : items);
  };
}

function tooComplex(message: string, extensions: Record<string, number>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...extensions } });
}

/** The facts of one operation the limits look at. */
export interface LimitedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * A check that throws QUERY_TOO_COMPLEX for an operation with more root
 * fields or aliases than allowed, nested deeper than `maxDepth`, or whose
 * estimated cost exceeds `maxCost`, so one query cannot walk the whole graph
 * through nested lists or repeat an expensive field under a thousand names.
 * Every check is linear in the document.
 */
export function operationLimitsCheck(
  schema: GraphQLSchema,
  limits: QueryLimits,
): (operation: LimitedOperation) => void {
  const { maxDepth, maxCost, maxAliases, maxRootFields } = limits;
  const estimators = [
    fieldExtensionsEstimator(),
    paginationEstimator(limits.listSizeCaps),
    simpleEstimator({ defaultComplexity: 1 }),
  ];
  return ({ document, operation, operationName, variables }) => {
    const rootFields = operationRootFields(document, operation).length;
    if (rootFields > maxRootFields) {
      throw tooComplex(`Query selects ${rootFields} root fields; the limit is ${maxRootFields}.`, {
        rootFields,
        maxRootFields,
      });
    }
    const aliases = operationAliases(document, operation);
    if (aliases > maxAliases) {
      throw tooComplex(`Query uses ${aliases} aliases; the limit is ${maxAliases}.`, { aliases, maxAliases });
    }
    const depth = operationDepth(document, operation);
    if (depth > maxDepth) {
      throw tooComplex(`Query is ${depth} levels deep; the limit is ${maxDepth}.`, { depth, maxDepth });
    }
    let cost: number;
    try {
      cost = getComplexity({
        schema,
        query: document,
        operationName: operationName ?? undefined,
        variables: variables ?? {},
        estimators,
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
      throw tooComplex(
        `Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested lists.`,
        { cost, maxCost },
      );
    }
  };
}

/** Refuses, before they run, operations beyond the limits (operationLimitsCheck). */
export function queryLimitsPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  limits: QueryLimits,
): ApolloServerPlugin<TContext> {
  const check = operationLimitsCheck(schema, limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          check({ document, operation, operationName: request.operationName, variables: request.variables });
        },
      };
    },
  };
}
