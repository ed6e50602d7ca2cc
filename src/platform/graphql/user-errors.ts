import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/** One problem with the input, located by a path such as `links[3].from`. */
export interface InputProblem {
  path: string;
  message: string;
}

/** Bad input: every problem is listed, nothing was changed. */
export function badUserInput(message: string, problems: InputProblem[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, problems } });
}

/**
 * Names the input uses that the graph does not have (ids, regions, products):
 * refused, every one named, rather than left to match nothing.
 */
export function unknownNames(what: string, problems: InputProblem[]): GraphQLError {
  return badUserInput(
    `${what} names what the graph does not have: ${problems.map((p) => p.message).join(', ')}`,
    problems,
  );
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} "${id}" does not exist`, { extensions: { code: ErrorCode.NOT_FOUND, id } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}

/** No credentials, or credentials that prove nothing: HTTP 401. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** Known principal, not allowed to do this: HTTP 403. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
