import { describe, expect, inject, it } from 'vitest';
import { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { testServices, uniquePrefix } from '../support/test-graph';
import { dataOf, startTestServer } from '../support/test-server';
import { useGraphTest } from '../support/use-graph-test';

const p = uniquePrefix('engine-runtime');
const fixture = keqiaoFixture(p);
const t = useGraphTest(p, { document: fixture });

const SET_LINK = `mutation($id: ID!, $status: LinkStatus!) { setLinkStatus(id: $id, status: $status) { status } }`;
const IMPACT = `query($s: ScenarioInput!) { impact(scenario: $s) { graphVersion stalled(first: 50) { edges { node { enterprise { id } } } } } }`;
const stalledIds = (body: any): string[] => body.data.impact.stalled.edges.map((e: any) => e.node.enterprise.id);

describe('the engine runtime', () => {
  it('answers a query that follows a mutation on a graph at least as new as the mutation (read-your-writes)', async () => {
    // Writes from elsewhere keep refreshes of older versions running when the mutation's query arrives.
    const elsewhere = new GraphDatabase(inject('neo4j'));
    const other = testServices(elsewhere);
    // Against the current state: with the yarn link BLOCKED the dyeing plant is down already, so blocking its
    // dyestuff stalls nothing more; with the link OPEN the block stalls it.
    const scenario = { blockLinks: [`${p}-l-dyestuff`], includeCurrentState: true };
    try {
      for (let round = 0; round < 8; round += 1) {
        await other.enterprises.setStatus('test', { id: `${p}-chem`, status: 'OPERATING' as never, note: `r${round}` });
        const older = t.server.gql(IMPACT, { s: scenario });
        const status = round % 2 === 0 ? 'BLOCKED' : 'OPEN';
        dataOf(await t.server.gql(SET_LINK, { id: `${p}-l-yarn`, status }));
        const after = await t.server.gql(IMPACT, { s: scenario });
        expect(stalledIds(after).includes(`${p}-dye`)).toBe(status === 'OPEN');
        await older;
      }
    } finally {
      await other.engine.close();
      await elsewhere.close();
    }
  });

  it('answers 503 ENGINE_TIMEOUT when engine work runs past ENGINE_TIMEOUT_MS, and keeps serving', async () => {
    // A budget of 1 ms from the request's arrival: checking the graph version alone takes longer.
    const services = testServices(t.db, { engine: { timeoutMs: 1 } });
    const server = await startTestServer(services);
    try {
      const { status, body } = await server.gqlWithStatus(`{ criticalLinks(top: 5) { stalledCount } }`);
      expect(status).toBe(503);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'ENGINE_TIMEOUT', budgetMs: 1 });
      expect(body.errors?.[0].message).toMatch(/longer than the engine's time budget of 1 ms/);
      const fine = await t.server.gql(IMPACT, { s: { blockLinks: [`${p}-l-yarn`] } });
      expect(stalledIds(fine)).toContain(`${p}-dye`);
    } finally {
      await server.stop();
      await services.engine.close();
    }
  });
});
