import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';

const p = uniquePrefix('races');
const t = useGraphTest(p, {
  document: { enterprises: [{ id: `${p}-supplier`, name: 'Supplier', kind: 'FIBER', region: `${p}-region` }] },
});

const UPSERT_LINK = `mutation($input: SupplyLinkInput!) { upsertSupplyLink(input: $input) { id } }`;
const DELETE = `mutation($id: ID!) { deleteEnterprise(id: $id) { id deletedLinks } }`;
const CREATE = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`;

describe('concurrent writes', () => {
  it('never lose a link to a delete racing it: one of the two is refused, or both see each other', async () => {
    for (let round = 0; round < 15; round += 1) {
      const customer = `${p}-customer-${round}`;
      const link = `${p}-l-${round}`;
      await t.server.gql(CREATE, { input: { id: customer, name: 'Customer', kind: 'WEAVING', region: `${p}-region` } });
      const [upserted, deleted] = await Promise.all([
        t.server.gql(UPSERT_LINK, {
          input: { id: link, from: `${p}-supplier`, to: customer, product: 'yarn', mode: 'ROAD' },
        }),
        t.server.gql(DELETE, { id: customer }),
      ]);
      const exists = await t.db.read('MATCH ()-[s:SUPPLIES {id: $link}]->() RETURN count(s) AS n', { link });
      const linkPresent = (exists.records[0].get('n') as number) === 1;
      if (!upserted.errors) {
        // The link was written first: the delete without detach saw it and was refused.
        expect(deleted.errors?.[0].extensions?.code).toBe('CONFLICT');
        expect(linkPresent).toBe(true);
      } else {
        // The enterprise went first: the link was refused, naming its missing end.
        expect(upserted.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(deleted.data?.deleteEnterprise).toEqual({ id: customer, deletedLinks: 0 });
        expect(linkPresent).toBe(false);
      }
    }
  });
});
