import { authorizationHeader } from './auth-token';

/** Where the pages send their GraphQL: this same service. */
export const GRAPHQL_PATH = '/graphql';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** A GraphQL request that came back with errors (or not at all). */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: GraphQLErrorShape[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's extensions.code, e.g. BAD_USER_INPUT. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** POSTs one operation to /graphql, with the pasted token if any, and returns its data, throwing on any error. */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...authorizationHeader(),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphQLRequestError(`The service did not answer: ${(error as Error).message}`);
  }
  let body: GraphQLResult<T>;
  try {
    body = (await response.json()) as GraphQLResult<T>;
  } catch {
    throw new GraphQLRequestError(`The service answered ${response.status} without a GraphQL result.`);
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors.map((e) => e.message).join('\n'), body.errors);
  }
  if (!body.data) throw new GraphQLRequestError(`The service answered ${response.status} without data.`);
  return body.data;
}
