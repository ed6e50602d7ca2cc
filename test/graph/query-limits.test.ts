import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';

const t = useGraphTest(uniquePrefix('limits'));

const COSTLY_BRANCH =
  'enterprises(first: 500) { edges { node { suppliers { nodes { from { customers { nodes { to { suppliers { nodes { id } } } } } } } } } } }';

/** Sends a query that must be refused: HTTP 400, the code, no root field answered. */
async function refused(query: string, variables: Record<string, unknown> = {}) {
  const response = await t.server.gqlWithStatus(query, variables);
  expect(response.status).toBe(400);
  expect(Object.values(response.body.data ?? {}).every((value) => value === null)).toBe(true);
  return response.body.errors?.[0];
}

describe('query depth and cost limits', () => {
  it('refuses a query nested deeper than the limit before running it, with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ enterprises { nodes {
      suppliers { nodes { from { suppliers { nodes { from { suppliers { nodes { from { customers { totalCount } } } } } } } } } }
    } } }`;
    expect(await refused(deep)).toMatchObject({
      message: 'Query is 13 levels deep; the limit is 12.',
      extensions: { code: 'QUERY_TOO_COMPLEX', depth: 13, maxDepth: 12 },
    });
  });

  it('refuses a query whose lists multiply past the cost limit, naming the cost', async () => {
    const error = await refused(`{ ${COSTLY_BRANCH} }`);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 50_000 });
    expect(error?.message).toMatch(/^Query cost \d+ exceeds the limit of 50000/);
  });

  it('cannot be talked down by a negative or huge page size elsewhere in the document', async () => {
    for (const first of [-2147483648, 0, 2147483647]) {
      const error = await refused(`{ a: enterprises(first: ${first}) { totalCount } b: ${COSTLY_BRANCH} }`);
      expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
    const viaVariable = await refused(
      `query($n: Int!) { a: enterprises(first: $n) { totalCount } b: ${COSTLY_BRANCH} }`,
      {
        n: -1_000_000,
      },
    );
    expect(viaVariable?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('caps aliases and root fields, so one request cannot repeat a field a thousand times', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: enterprise(id: "x") { name: id }`).join(' ');
    expect(await refused(`{ ${aliases} }`)).toMatchObject({
      message: 'Query selects 31 root fields; the limit is 20.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
    const nested = Array.from({ length: 31 }, (_, i) => `n${i}: id`).join(' ');
    expect(await refused(`{ enterprise(id: "x") { ${nested} } }`)).toMatchObject({
      message: 'Query uses 31 aliases; the limit is 30.',
    });
  });

  it('refuses a document of more than 3,000 tokens before validating it', async () => {
    const error = await refused(`{ ${'__typename '.repeat(3_001)}}`);
    expect(error?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a malformed variable with BAD_USER_INPUT naming it, as HTTP 400', async () => {
    expect(
      await refused('query($first: Int!) { enterprises(first: $first) { totalCount } }', { first: 'ten' }),
    ).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/\$first/),
    });
  });

  it('caps free text: a search of more than 200 characters is refused, nested in its filter', async () => {
    const error = await refused('query($s: String) { enterprises(filter: { search: $s }) { totalCount } }', {
      s: 'x'.repeat(201),
    });
    expect(error).toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'filter.search', message: 'search must be at most 200 characters' }],
      },
    });
    const note = await refused('mutation($n: String) { saveScenario(name: "n", scenario: {}, note: $n) { id } }', {
      n: 'x'.repeat(20_000),
    });
    expect(note?.extensions?.problems).toEqual([{ path: 'note', message: 'note must be at most 2000 characters' }]);
  });
});
