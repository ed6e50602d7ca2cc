import { describe, expect, it } from 'vitest';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

const p = uniquePrefix('relay');
const fixture = keqiaoFixture(p);
// Output values to sort by: dye 900, chem 300, fiber 300 (a tie, broken by id), the rest without one.
const values: Record<string, number> = { [`${p}-dye`]: 900, [`${p}-chem`]: 300, [`${p}-fiber`]: 300 };
const document = {
  enterprises: fixture.enterprises.map((e) => ({ ...e, dailyOutputValue: values[e.id] ?? null })),
  links: fixture.links,
};
const t = useGraphTest(p, { document });
const region = { region: [fixture.region] };
const allIds = fixture.enterprises.map((e) => e.id).sort();

const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);

describe('Node: one lookup for anything with a stable id', () => {
  it('finds an enterprise, a supply link and a saved scenario by id alone, and null for an unknown id', async () => {
    const saved = dataOf(
      await t.server.gql(
        `mutation($name: String!, $s: ScenarioInput!) { saveScenario(name: $name, scenario: $s) { id } }`,
        {
          name: `${p} node lookup`,
          s: { blockLinks: [`${p}-l-yarn`] },
        },
      ),
    ).saveScenario.id as string;
    const data = dataOf(
      await t.server.gql(
        `query($e: ID!, $l: ID!, $s: ID!, $none: ID!) {
          e: node(id: $e) { __typename id ... on Enterprise { name } }
          l: node(id: $l) { __typename id ... on SupplyLink { product volume inventoryDays } }
          s: node(id: $s) { __typename id ... on SavedScenario { name createdAt } }
          none: node(id: $none) { id }
        }`,
        { e: `${p}-dye`, l: `${p}-l-dyestuff`, s: saved, none: `${p}-nothing` },
      ),
    );
    expect(data.e).toEqual({ __typename: 'Enterprise', id: `${p}-dye`, name: `dye of ${p}` });
    expect(data.l).toEqual({
      __typename: 'SupplyLink',
      id: `${p}-l-dyestuff`,
      product: 'dyestuff',
      volume: 1,
      inventoryDays: 5,
    });
    expect(data.s).toMatchObject({ __typename: 'SavedScenario', id: saved, name: `${p} node lookup` });
    expect(data.s.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(data.none).toBeNull();
  });

  it('nodes(ids) answers in the order asked, null where nothing has the id', async () => {
    const data = dataOf(
      await t.server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
        ids: [`${p}-l-t1`, `${p}-nothing`, `${p}-market`],
      }),
    );
    expect(data.nodes).toEqual([
      { __typename: 'SupplyLink', id: `${p}-l-t1` },
      null,
      { __typename: 'Enterprise', id: `${p}-market` },
    ]);
  });

  it('refuses an import that gives an enterprise and a link the same id, in the document or against the graph', async () => {
    const inDocument = await t.server.gql(
      `mutation($input: GraphImportInput!) { importGraph(input: $input) { linksCreated } }`,
      {
        input: {
          enterprises: [{ id: `${p}-twin`, name: 'twin', kind: 'OTHER', region: fixture.region }],
          links: [{ id: `${p}-twin`, from: `${p}-twin`, to: `${p}-dye`, product: 'x', mode: 'ROAD' }],
        },
      },
    );
    expect(inDocument.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/id "[^"]+-twin" is the id of the enterprise at enterprises\[0\]/),
      extensions: { code: 'BAD_USER_INPUT', problems: [{ path: `links[0] (${p}-twin)` }] },
    });
    // An enterprise taking the id of a link already in the graph.
    const againstGraph = await t.server.gql(
      `mutation($input: GraphImportInput!) { importGraph(input: $input) { enterprisesCreated } }`,
      { input: { enterprises: [{ id: `${p}-l-yarn`, name: 'clash', kind: 'OTHER', region: fixture.region }] } },
    );
    expect(againstGraph.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/is the id of a supply link in the graph: ids are unique across types/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const nothingWritten = dataOf(
      await t.server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`, {
        ids: [`${p}-twin`, `${p}-l-yarn`],
      }),
    );
    expect(nothingWritten.nodes).toEqual([null, { __typename: 'SupplyLink' }]);
  });
});

describe('connections page both ways', () => {
  const query = `query($f: EnterpriseFilter, $first: Int, $after: String, $last: Int, $before: String) {
    enterprises(filter: $f, first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } nodes { id } } }`;

  it('reads the last page with last, then the one before it with before', async () => {
    const last = dataOf(await t.server.gql(query, { f: region, last: 4 })).enterprises;
    expect(ids(last)).toEqual(allIds.slice(2));
    expect(last.nodes.map((n: { id: string }) => n.id)).toEqual(allIds.slice(2));
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = dataOf(
      await t.server.gql(query, { f: region, last: 4, before: last.pageInfo.startCursor }),
    ).enterprises;
    expect(ids(before)).toEqual(allIds.slice(0, 2));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // A forward page's cursors page backward too.
    const forward = dataOf(await t.server.gql(query, { f: region, first: 3 })).enterprises;
    const back = dataOf(
      await t.server.gql(query, { f: region, last: 1, before: forward.pageInfo.endCursor }),
    ).enterprises;
    expect(ids(back)).toEqual([allIds[1]]);
  });

  it('pages backward over lists computed in memory too (suppliers, saved scenarios, paths)', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($id: ID!, $from: ID!, $to: ID!) {
          enterprise(id: $id) { suppliers(last: 1) { totalCount nodes { id } pageInfo { hasPreviousPage hasNextPage } } }
          paths(fromId: $from, toId: $to, last: 1) { totalCount nodes { length links { id } } }
        }`,
        { id: `${p}-dye`, from: `${p}-fiber`, to: `${p}-trade2` },
      ),
    );
    expect(data.enterprise.suppliers).toEqual({
      totalCount: 2,
      nodes: [{ id: `${p}-l-yarn` }],
      pageInfo: { hasPreviousPage: true, hasNextPage: false },
    });
    expect(data.paths).toEqual({
      totalCount: 1,
      nodes: [{ length: 3, links: [{ id: `${p}-l-yarn` }, { id: `${p}-l-fabric` }, { id: `${p}-l-t2` }] }],
    });
  });

  it('refuses first with last, and a cursor from before with after', async () => {
    const both = await t.server.gql(`{ enterprises(first: 2, last: 2) { totalCount } }`);
    expect(both.errors?.[0]).toMatchObject({
      message: 'Page forward with first/after or backward with last/before, not both',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const tooMany = await t.server.gql(`{ enterprises(last: 501) { totalCount } }`);
    expect(tooMany.errors?.[0].message).toMatch(/last must be at most 500/);
  });
});

describe('orderBy', () => {
  const query = `query($f: EnterpriseFilter, $o: EnterpriseOrder, $first: Int, $after: String, $last: Int) {
    enterprises(filter: $f, orderBy: $o, first: $first, after: $after, last: $last) {
      pageInfo { endCursor hasNextPage } edges { node { id name dailyOutputValue } } } }`;

  it('sorts enterprises by name, either way', async () => {
    const byName = async (direction: string) =>
      dataOf(await t.server.gql(query, { f: region, o: { field: 'NAME', direction } })).enterprises.edges.map(
        (e: any) => e.node.name,
      );
    const names = fixture.enterprises.map((e) => e.name).sort();
    expect(await byName('ASC')).toEqual(names);
    expect(await byName('DESC')).toEqual([...names].reverse());
  });

  it('sorts by daily output value, ties by id, those without one last when descending, across pages', async () => {
    const order = { field: 'DAILY_OUTPUT_VALUE', direction: 'DESC' };
    const first = dataOf(await t.server.gql(query, { f: region, o: order, first: 2 })).enterprises;
    const rest = dataOf(
      await t.server.gql(query, { f: region, o: order, first: 10, after: first.pageInfo.endCursor }),
    ).enterprises;
    expect([...ids(first), ...ids(rest)]).toEqual([
      `${p}-dye`,
      `${p}-fiber`, // 300, after chem by id descending
      `${p}-chem`,
      `${p}-trade2`,
      `${p}-trade1`,
      `${p}-market`,
    ]);
    const lastTwo = dataOf(await t.server.gql(query, { f: region, o: order, last: 2 })).enterprises;
    expect(ids(lastTwo)).toEqual([`${p}-trade1`, `${p}-market`]);
  });

  it('sorts supply links by volume, an unset volume counting as 1', async () => {
    const data = dataOf(
      await t.server.gql(
        `query($f: SupplyLinkFilter) { supplyLinks(filter: $f, orderBy: { field: VOLUME, direction: DESC }, first: 2) {
          nodes { id volume } } }`,
        { f: { to: `${p}-dye` } },
      ),
    );
    expect(data.supplyLinks.nodes).toEqual([
      { id: `${p}-l-yarn`, volume: 40 },
      { id: `${p}-l-dyestuff`, volume: 1 },
    ]);
  });
});

describe('DateTime', () => {
  it('takes a date-time with an offset and returns it at UTC', async () => {
    const data = dataOf(
      await t.server.gql(
        `mutation($id: ID!) { setEnterpriseStatus(id: $id, status: OPERATING, at: "2020-03-10T08:00:00+08:00") {
          statusHistory { at status } } }`,
        { id: `${p}-trade2` },
      ),
    );
    expect(data.setEnterpriseStatus.statusHistory).toContainEqual({
      at: '2020-03-10T00:00:00.000Z',
      status: 'OPERATING',
    });
  });

  it('refuses what is not a date-time, naming the type, and changes nothing', async () => {
    const literal = await t.server.gql(
      `mutation { setLinkStatus(id: "${p}-l-yarn", status: BLOCKED, at: "yesterday") { id } }`,
    );
    expect(literal.errors?.[0].message).toMatch(/DateTime cannot represent an invalid date-time-string yesterday/);
    const variable = await t.server.gql(`query($at: DateTime) { recovery(at: $at) { key } }`, { at: '2020-02-15' });
    expect(variable.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/\$at.*DateTime cannot represent an invalid date-time-string 2020-02-15/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const link = dataOf(await t.server.gql(`{ supplyLink(id: "${p}-l-yarn") { status } }`)).supplyLink;
    expect(link.status).toBe('OPEN');
  });
});

describe('nullability that tells the truth', () => {
  it('answers the other root fields when one fails: chain of an unknown enterprise errors alone', async () => {
    const response = await t.server.gql(
      `query($id: ID!) { chain(id: "nope") { truncated } enterprise(id: $id) { id } }`,
      { id: `${p}-dye` },
    );
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({ path: ['chain'], extensions: { code: 'NOT_FOUND' } });
    expect(response.data).toEqual({ chain: null, enterprise: { id: `${p}-dye` } });
  });

  it('scenario(id) is null for an unknown id, like enterprise(id)', async () => {
    const data = dataOf(
      await t.server.gql(
        `{ scenario(id: "scn-00000000-0000-0000-0000-000000000000") { id } enterprise(id: "nope") { id } }`,
      ),
    );
    expect(data).toEqual({ scenario: null, enterprise: null });
  });
});
