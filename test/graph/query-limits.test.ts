import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';

const t = useGraphTest(uniquePrefix('limits'));

describe('query depth and cost limits', () => {
  it('refuses a query nested deeper than the limit before running it, with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ enterprises { edges { node {
      suppliers { from { suppliers { from { suppliers { from { suppliers { from { suppliers { id } } } } } } } } }
    } } } }`;
    const response = await t.server.gql(deep);
    expect(response.errors?.[0]).toMatchObject({
      message: 'Query is 13 levels deep; the limit is 12.',
      extensions: { code: 'QUERY_TOO_COMPLEX', depth: 13, maxDepth: 12 },
    });
    expect(response.data).toBeUndefined();
  });

  it('refuses a query whose lists multiply past the cost limit, naming the cost', async () => {
    const costly =
      '{ enterprises(first: 500) { edges { node { suppliers { from { customers { to { suppliers { id } } } } } } } } }';
    const response = await t.server.gql(costly);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 50_000 });
    expect(response.errors?.[0].message).toMatch(/^Query cost \d+ exceeds the limit of 50000/);
  });

  it('refuses a malformed variable with BAD_USER_INPUT naming it', async () => {
    const response = await t.server.gql('query($first: Int!) { enterprises(first: $first) { totalCount } }', {
      first: 'ten',
    });
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/\$first/),
    });
  });
});
