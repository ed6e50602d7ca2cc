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

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`${what} "${id}" does not exist`, { extensions: { code: ErrorCode.NOT_FOUND, id } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT } });
}
