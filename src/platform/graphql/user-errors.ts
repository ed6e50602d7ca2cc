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

/** An engine computation ran past its time budget (ENGINE_TIMEOUT_MS) and was stopped: HTTP 503. */
export function engineTimeout(budgetMs: number): GraphQLError {
  return new GraphQLError(
    `The computation took longer than the engine's time budget of ${budgetMs} ms and was stopped. ` +
      'Ask for less (a narrower filter, a smaller top) or try again when the service is less busy.',
    { extensions: { code: ErrorCode.ENGINE_TIMEOUT, budgetMs } },
  );
}

/** The client went away before an engine computation finished; it was stopped. */
export function cancelled(): GraphQLError {
  return new GraphQLError('The request was cancelled by the client; its computation was stopped.', {
    extensions: { code: ErrorCode.CANCELLED },
  });
}
