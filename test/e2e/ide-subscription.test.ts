import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../src/app/create-services';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { launchChromium } from '../support/launch-chromium';
import { connectTestGraph, removeByPrefix, uniquePrefix } from '../support/test-graph';
import { dataOf, startTestServer, type TestServer } from '../support/test-server';

/** The editor GraphiQL 4 draws (CodeMirror 5), as the page callback sees it. */
interface EditorGlobals {
  document: { querySelector(selector: string): { CodeMirror: { setValue(text: string): void } } | null };
}

const p = uniquePrefix('ide-live');
let db: GraphDatabase;
let services: Services;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  ({ db, services } = await connectTestGraph());
  await services.imports.importGraph('test', keqiaoFixture(p));
  server = await startTestServer(services, { web: true });
  browser = await launchChromium(['--no-first-run']);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await removeByPrefix(db, p);
  await db?.close();
});

describe('GraphQL IDE', () => {
  it('runs a subscription over WebSocket and shows each event as it comes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    const subscription = `subscription Dye { statusChanged(filter: { ids: ["${p}-dye"] }) { id enterpriseStatus } }`;
    await page.evaluate((text) => {
      const { document } = globalThis as unknown as EditorGlobals;
      document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror.setValue(text);
    }, subscription);
    // GraphiQL picks up the operation name after a 100 ms debounce.
    await page.waitForTimeout(400);
    await page.click('.graphiql-execute-button');
    await vi.waitFor(
      () => {
        expect(services.feed.listening).toBe(1);
        expect(services.feed.reading).toBe(true);
      },
      { timeout: 10_000, interval: 50 },
    );
    dataOf(await server.gql(`mutation { setEnterpriseStatus(id: "${p}-dye", status: STALLED) { status } }`));
    await expect
      .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 5_000 })
      .toContain('"enterpriseStatus": "STALLED"');
    expect(errors).toEqual([]);
    await page.close();
  });
});
