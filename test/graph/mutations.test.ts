import { describe, expect, it } from 'vitest';
import { graphSnapshot } from '../support/graph-snapshot';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

const p = uniquePrefix('mutations');
const fixture = keqiaoFixture(p);
// Imported as of 2020-01-01, so the dated status changes below are the newest entries.
const t = useGraphTest(p, { document: fixture, at: new Date('2020-01-01T00:00:00Z') });

/** Runs a refused mutation and checks both the error code and that nothing changed. */
async function expectRefused(query: string, variables: Record<string, unknown>, code: string, message: RegExp) {
  const before = await graphSnapshot(t.db, p);
  const response = await t.server.gql(query, variables);
  expect(response.errors?.[0]).toMatchObject({ extensions: { code } });
  expect(response.errors?.[0].message).toMatch(message);
  expect(await graphSnapshot(t.db, p)).toEqual(before);
}

const UPSERT_ENTERPRISE = `mutation($input: EnterpriseInput!) {
  upsertEnterprise(input: $input) { id name status capacityRecovery lat }
}`;
const UPSERT_LINK = `mutation($input: SupplyLinkInput!) {
  upsertSupplyLink(input: $input) { id fromId toId product status }
}`;

describe('upsertEnterprise and upsertSupplyLink', () => {
  it('creates, then updates by id, writing a history entry only when the status changes', async () => {
    const input = {
      id: `${p}-weaver`,
      name: 'Keqiao Weaving',
      kind: 'WEAVING',
      region: fixture.region,
      lat: 30.08,
      lon: 120.49,
    };
    expect(dataOf(await t.server.gql(UPSERT_ENTERPRISE, { input })).upsertEnterprise).toEqual({
      id: `${p}-weaver`,
      name: 'Keqiao Weaving',
      status: 'OPERATING',
      capacityRecovery: 1,
      lat: 30.08,
    });
    dataOf(await t.server.gql(UPSERT_ENTERPRISE, { input: { ...input, name: 'Keqiao Weaving Co.' } }));
    dataOf(await t.server.gql(UPSERT_ENTERPRISE, { input: { ...input, status: 'PARTIAL', capacityRecovery: 0.6 } }));
    const data = dataOf(
      await t.server.gql(
        `query($id: ID!) { enterprise(id: $id) { name status statusHistory { status capacityRecovery } } }`,
        { id: `${p}-weaver` },
      ),
    );
    expect(data.enterprise.name).toBe('Keqiao Weaving');
    expect(data.enterprise.statusHistory).toEqual([
      { status: 'PARTIAL', capacityRecovery: 0.6 },
      { status: 'OPERATING', capacityRecovery: 1 },
    ]);
  });

  it('creates a link and moves it when its ends change', async () => {
    const input = { id: `${p}-l-new`, from: `${p}-fiber`, to: `${p}-market`, product: 'polyester yarn', mode: 'RAIL' };
    expect(dataOf(await t.server.gql(UPSERT_LINK, { input })).upsertSupplyLink).toEqual({
      id: `${p}-l-new`,
      fromId: `${p}-fiber`,
      toId: `${p}-market`,
      product: 'polyester yarn',
      status: 'OPEN',
    });
    const moved = dataOf(await t.server.gql(UPSERT_LINK, { input: { ...input, to: `${p}-trade2` } })).upsertSupplyLink;
    expect(moved.toId).toBe(`${p}-trade2`);
    const count = await t.db.read('MATCH ()-[s:SUPPLIES {id: $id}]->() RETURN count(s) AS n', { id: `${p}-l-new` });
    expect(count.records[0].get('n')).toBe(1);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and changes nothing', async () => {
    const good = { id: `${p}-dye`, name: 'Dye', kind: 'PRINTING_DYEING', region: fixture.region };
    await expectRefused(
      UPSERT_ENTERPRISE,
      { input: { ...good, capacityRecovery: 1.5 } },
      'BAD_USER_INPUT',
      /capacityRecovery must be from 0 to 1/,
    );
    await expectRefused(UPSERT_ENTERPRISE, { input: { ...good, lat: 91 } }, 'BAD_USER_INPUT', /lat must be a latitude/);
    await expectRefused(
      UPSERT_ENTERPRISE,
      { input: { ...good, id: 'has space' } },
      'BAD_USER_INPUT',
      /id must be 1-128 letters/,
    );
    await expectRefused(
      UPSERT_ENTERPRISE,
      { input: { ...good, kind: 'DYEHOUSE' } },
      'BAD_USER_INPUT',
      /EnterpriseKind/,
    );
    await expectRefused(
      UPSERT_ENTERPRISE,
      { input: { ...good, status: 'PARTIAL' } },
      'BAD_USER_INPUT',
      /capacityRecovery is required when status is PARTIAL/,
    );
  });

  it('refuses a link to a missing enterprise or to its own supplier, naming the field in its own words', async () => {
    const link = { id: `${p}-l-bad`, from: `${p}-fiber`, to: `${p}-ghost`, product: 'yarn', mode: 'ROAD' };
    await expectRefused(
      UPSERT_LINK,
      { input: link },
      'BAD_USER_INPUT',
      /^to names enterprise ".*-ghost", which does not exist$/,
    );
    const response = await t.server.gql(UPSERT_LINK, { input: link });
    expect(response.errors?.[0].extensions?.problems).toEqual([
      { path: 'to', message: `names enterprise "${p}-ghost", which does not exist` },
    ]);
    await expectRefused(
      UPSERT_LINK,
      { input: { ...link, to: `${p}-fiber` } },
      'BAD_USER_INPUT',
      /from and to must be different enterprises/,
    );
  });
});

describe('deleteEnterprise and deleteSupplyLink', () => {
  it('refuses to delete an enterprise with links unless detach is true', async () => {
    const del = `mutation($id: ID!, $detach: Boolean) {
      deleteEnterprise(id: $id, detach: $detach) { id deletedLinks }
    }`;
    await expectRefused(del, { id: `${p}-trade2` }, 'CONFLICT', /still has \d+ supply link\(s\)/);
    await expectRefused(del, { id: `${p}-nobody` }, 'NOT_FOUND', /Enterprise ".*-nobody" does not exist/);
    const deleted = dataOf(await t.server.gql(del, { id: `${p}-trade2`, detach: true })).deleteEnterprise;
    expect(deleted.id).toBe(`${p}-trade2`);
    expect(deleted.deletedLinks).toBeGreaterThanOrEqual(1);
    expect(
      dataOf(await t.server.gql(`query($id: ID!) { enterprise(id: $id) { id } }`, { id: `${p}-trade2` })).enterprise,
    ).toBeNull();
  });

  it('deletes a link, and says NOT_FOUND for an unknown one', async () => {
    const del = `mutation($id: ID!) { deleteSupplyLink(id: $id) { id } }`;
    expect(dataOf(await t.server.gql(del, { id: `${p}-l-t1` })).deleteSupplyLink).toEqual({ id: `${p}-l-t1` });
    await expectRefused(del, { id: `${p}-l-t1` }, 'NOT_FOUND', /Supply link ".*-l-t1" does not exist/);
  });
});

describe('setEnterpriseStatus and setLinkStatus', () => {
  it('records the change and its dated history entry together', async () => {
    const set = `mutation($id: ID!, $at: String) {
      setEnterpriseStatus(
        id: $id, status: PARTIAL, capacityRecovery: 0.92, workforceReturned: 0.85, note: "92% capacity", at: $at
      ) {
        status capacityRecovery workforceReturned
        statusHistory { at status capacityRecovery workforceReturned note }
      }
    }`;
    const result = dataOf(await t.server.gql(set, { id: `${p}-chem`, at: '2020-03-10T00:00:00Z' })).setEnterpriseStatus;
    expect(result).toMatchObject({ status: 'PARTIAL', capacityRecovery: 0.92, workforceReturned: 0.85 });
    expect(result.statusHistory).toContainEqual({
      at: '2020-03-10T00:00:00Z',
      status: 'PARTIAL',
      capacityRecovery: 0.92,
      workforceReturned: 0.85,
      note: '92% capacity',
    });
  });

  it('closes a link with a reason and keeps it in the link history', async () => {
    const set = `mutation($id: ID!) {
      setLinkStatus(id: $id, status: BLOCKED, reason: "highway checkpoint", at: "2020-02-10T08:00:00Z") {
      status statusHistory { at status reason } } }`;
    const result = dataOf(await t.server.gql(set, { id: `${p}-l-yarn` })).setLinkStatus;
    expect(result.status).toBe('BLOCKED');
    expect(result.statusHistory).toContainEqual({
      at: '2020-02-10T08:00:00Z',
      status: 'BLOCKED',
      reason: 'highway checkpoint',
    });
  });

  it('refuses unknown ids, a missing capacity for PARTIAL, and bad dates, changing nothing', async () => {
    await expectRefused(
      `mutation { setEnterpriseStatus(id: "${p}-nobody", status: STALLED) { id } }`,
      {},
      'NOT_FOUND',
      /does not exist/,
    );
    await expectRefused(
      `mutation { setEnterpriseStatus(id: "${p}-dye", status: PARTIAL) { id } }`,
      {},
      'BAD_USER_INPUT',
      /capacityRecovery is required/,
    );
    await expectRefused(
      `mutation { setEnterpriseStatus(id: "${p}-dye", status: PARTIAL, capacityRecovery: 2) { id } }`,
      {},
      'BAD_USER_INPUT',
      /capacityRecovery must be from 0 to 1/,
    );
    await expectRefused(
      `mutation { setLinkStatus(id: "${p}-l-yarn", status: OPEN, at: "yesterday") { id } }`,
      {},
      'BAD_USER_INPUT',
      /at must be an ISO 8601 date-time/,
    );
    await expectRefused(
      `mutation { setLinkStatus(id: "${p}-l-none", status: OPEN) { id } }`,
      {},
      'NOT_FOUND',
      /does not exist/,
    );
  });
});
