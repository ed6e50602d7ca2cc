import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode } from '../graphql/error-code';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps driver failures to client-facing errors with a fixed code: an
 * unreachable server is SERVICE_UNAVAILABLE, a broken uniqueness constraint
 * is CONFLICT. Anything else passes through and is masked as internal.
 */
export function translateDriverError(error: unknown): unknown {
  if (error instanceof GraphQLError || !(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE.has(error.code) || error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      originalError: error,
    });
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphQLError(`Conflict with existing data: ${error.message}`, {
      extensions: { code: ErrorCode.CONFLICT },
      originalError: error,
    });
  }
  if (error.code === 'Neo.ClientError.Security.Unauthorized') {
    return new GraphQLError('The service could not sign in to the graph database.', {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      originalError: error,
    });
  }
  return error;
}
