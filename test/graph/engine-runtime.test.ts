import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it, vi } from 'vitest';
import { WorkerPool } from '../../src/features/engine-runtime/worker-pool';
import type { Logger } from '../../src/platform/logging/create-logger';
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

/** A logger keeping every message with its fields. */
function recordingLogger(): { logger: Logger; lines: { message: string; fields: Record<string, unknown> }[] } {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const log = (fields: Record<string, unknown>, message: string) => lines.push({ message, fields });
  const logger = { info: log, warn: log, error: log, debug: () => undefined } as unknown as Logger;
  return { logger, lines };
}

async function waitFor(check: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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

  it('starts a short job on the graph it holds while it reads the version, and runs it again after a write elsewhere', async () => {
    const elsewhere = new GraphDatabase(inject('neo4j'));
    const other = testServices(elsewhere);
    const submitted = vi.spyOn(WorkerPool.prototype, 'submit');
    // Blocking the dyestuff stalls the dyeing plant while its yarn link is OPEN, and nothing more once it is BLOCKED.
    const scenario = { blockLinks: [`${p}-l-dyestuff`], includeCurrentState: true };
    const yarn = (status: string) =>
      other.links.setStatus('test', { id: `${p}-l-yarn`, status: status as never, reason: 'elsewhere' });
    try {
      await t.server.gql(IMPACT, { s: scenario });
      submitted.mockClear();
      // Nothing written since: the job started before the version was known answers.
      expect(stalledIds(await t.server.gql(IMPACT, { s: scenario }))).toContain(`${p}-dye`);
      expect(submitted).toHaveBeenCalledTimes(1);
      submitted.mockClear();
      // Written through another instance: that job ran on the older graph; its answer is dropped.
      await yarn('BLOCKED');
      expect(stalledIds(await t.server.gql(IMPACT, { s: scenario }))).not.toContain(`${p}-dye`);
      expect(submitted).toHaveBeenCalledTimes(2);
      // An id only the newer graph has is checked on that graph, not refused on the older one.
      await other.imports.importGraph('test', {
        enterprises: [{ id: `${p}-chem2`, name: 'second dyestuff works', kind: 'CHEMICAL', region: fixture.region }],
      });
      const newer = await t.server.gql(IMPACT, { s: { blockEnterprises: [`${p}-chem2`] } });
      expect(stalledIds(newer)).toEqual([`${p}-chem2`]);
    } finally {
      submitted.mockRestore();
      await yarn('OPEN');
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

  it('after a restart, takes the graph from its snapshot file and applies the writes made while it was down', async () => {
    const snapshotFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-engine-')), 'engine-snapshot.bin');
    const first = recordingLogger();
    const before = testServices(t.db, { engine: { snapshotFile }, logger: first.logger });
    try {
      await before.engine.warm();
      await waitFor(() => first.lines.some((line) => line.message === 'engine snapshot saved'));
    } finally {
      await before.engine.close();
    }
    // Written while no service with this snapshot runs: the next one must see it.
    dataOf(await t.server.gql(SET_LINK, { id: `${p}-l-yarn`, status: 'BLOCKED' }));

    const second = recordingLogger();
    const after = testServices(t.db, { engine: { snapshotFile }, logger: second.logger });
    const server = await startTestServer(after);
    try {
      await after.engine.warm();
      const taken = second.lines.find((line) => line.message === 'impact engine took the graph from its snapshot file');
      expect(taken?.fields).toMatchObject({ restoredFrom: expect.any(Number) });
      expect(second.lines.some((line) => line.message === 'impact engine loaded the graph')).toBe(false);
      // The yarn link is BLOCKED now, so the dyeing plant is down already: blocking its dyestuff stalls nothing more.
      const body = await server.gql(IMPACT, { s: { blockLinks: [`${p}-l-dyestuff`], includeCurrentState: true } });
      expect(stalledIds(body)).not.toContain(`${p}-dye`);
    } finally {
      await server.stop();
      await after.engine.close();
      dataOf(await t.server.gql(SET_LINK, { id: `${p}-l-yarn`, status: 'OPEN' }));
      fs.rmSync(path.dirname(snapshotFile), { recursive: true, force: true });
    }
  });
});
