import { GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/** Longer than any RFC 3339 date-time with nanoseconds and an offset: refused before parsing. */
const MAX_LENGTH = 64;

function checkLength(value: unknown): unknown {
  if (typeof value === 'string' && value.length > MAX_LENGTH) {
    throw new TypeError(`DateTime cannot represent a string of more than ${MAX_LENGTH} characters`);
  }
  return value;
}

const toIso = (date: unknown): string => (date as Date).toISOString();

/**
 * graphql-scalars' DateTime (RFC 3339, an offset required), its values kept
 * as ISO 8601 strings at UTC inside the service (what the history stores and
 * compares): `2020-02-15T00:00:00+08:00` comes in as
 * `2020-02-14T16:00:00.000Z`, and every date-time goes out in that form.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description:
    'A moment as an RFC 3339 / ISO 8601 date-time with an offset, e.g. 2020-02-15T00:00:00+08:00; always ' +
    'returned at UTC, e.g. 2020-02-14T16:00:00.000Z.',
  serialize: (value) => toIso(GraphQLDateTime.serialize(value)),
  parseValue: (value) => toIso(GraphQLDateTime.parseValue(checkLength(value))),
  parseLiteral: (ast: ValueNode, variables) => {
    if (ast.kind === 'StringValue') checkLength(ast.value);
    return toIso(GraphQLDateTime.parseLiteral(ast, variables));
  },
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
});
