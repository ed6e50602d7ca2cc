import fs from 'node:fs';
import path from 'node:path';
import type { Core } from 'cytoscape';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import type { Services } from '../../src/app/create-services';
import { loadDemoData } from '../../src/app/seed-demo-data';
import { formatMoney, formatNumber } from '../../src/web/app/explorer/format';
import { dataOf } from '../support/test-server';
import { launchChromium, requireChromium } from '../support/launch-chromium';
import { connectTestGraph } from '../support/test-graph';
import { startTestServer } from '../support/test-server';

/**
 * What the page callbacks below use of the browser's globals (the tests are
 * typechecked without the DOM library).
 */
interface PageGlobals {
  linkfall: { cy: Core };
  document: {
    getElementById(id: string): {
      hidden: boolean;
      classList: { contains(name: string): boolean };
      getBoundingClientRect(): { left: number; top: number };
    };
  };
}

/**
 * The browser side end to end: the demo dataset in the test Neo4j, the
 * service with its web router on 127.0.0.1, and Debian's Chromium (never a
 * downloaded browser) driven by playwright-core.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const DYE_PLANT = 'kq-dye-alice';
const SPOF_LINK = 'kq-l-chem-dyestuff-binhai-to-dye-alice';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const IMPACT = /* GraphQL */ `
  query TestImpact($scenario: ScenarioInput!) {
    impact(scenario: $scenario) {
      stalledCount
      partialCount
      lostOutputValue
      lostTradeValue
      lostOutputByUnit {
        unit
        amount
      }
      stalled(first: 100) {
        edges {
          node {
            enterprise {
              id
            }
            stallsOnDay
          }
        }
      }
    }
  }
`;

interface ImpactData {
  impact: {
    stalledCount: number;
    partialCount: number;
    lostOutputValue: number;
    lostTradeValue: number;
    lostOutputByUnit: { unit: string | null; amount: number }[];
    stalled: { edges: { node: { enterprise: { id: string }; stallsOnDay: number | null } }[] };
  };
}

let db: GraphDatabase;
let services: Services;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every URL the browser asked for, from any page of the context. */
const requested: string[] = [];
/** Uncaught exceptions and console errors (failed loads, CSP violations) of the pages. */
const pageErrors: string[] = [];

function screenshot(name: string) {
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

function expectOnlyLocalRequests() {
  expect(requested.length).toBeGreaterThan(0);
  const foreign = requested.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return false;
    return !LOCAL_HOSTS.has(hostname);
  });
  expect(foreign).toEqual([]);
}

/** Clicks the middle of a link of the drawn chain, as a user would. */
async function clickEdge(id: string) {
  const point = await page.evaluate((edgeId) => {
    const { linkfall, document } = globalThis as unknown as PageGlobals;
    const edge = linkfall.cy.getElementById(edgeId);
    if (edge.empty()) return null;
    const mid = edge.renderedMidpoint();
    const box = document.getElementById('graph').getBoundingClientRect();
    return { x: box.left + mid.x, y: box.top + mid.y };
  }, id);
  expect(point, `link ${id} is drawn`).not.toBeNull();
  await page.mouse.move(point!.x, point!.y);
  await page.mouse.click(point!.x, point!.y);
}

async function runImpactInPage() {
  await page.click('#run-impact');
  await page.waitForFunction(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return (
      !document.getElementById('impact-card').classList.contains('busy') &&
      !document.getElementById('impact-metrics').hidden
    );
  });
  return {
    stalled: Number(await page.textContent('#impact-stalled-count')),
    partial: Number(await page.textContent('#impact-partial-count')),
    lostValue: await page.textContent('#impact-lost-value'),
    lostTrade: await page.textContent('#impact-lost-trade'),
    breakdown: await page.locator('#impact-lost-value').evaluate((element) => element.parentElement!.title),
  };
}

beforeAll(async () => {
  requireChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const graph = await connectTestGraph();
  db = graph.db;
  services = graph.services;
  await loadDemoData(graph.services, 'test');
  server = await startTestServer(graph.services, { web: true });
  browser = await launchChromium(['--disable-component-update', '--disable-sync', '--no-first-run']);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.close();
});

describe('routes', () => {
  it('serves the IDE to a browser on GET /graphql and passes everything else to the API', async () => {
    const html = await fetch(`${server.url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('/assets/ide.js');

    // A GET with a query is a GraphQL request, whatever it accepts.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html,application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });

    // A client asking for JSON gets Apollo, not the page.
    const json = await fetch(`${server.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toMatch(/json/);

    const post = dataOf(
      await server.gql<{ enterprise: { name: string } }>(`{ enterprise(id: "${DYE_PLANT}") { name } }`),
    );
    expect(post.enterprise.name).toMatch(/Alice/);

    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await root.text()).toContain('/assets/explorer.js');
  });
});

describe('chain explorer', () => {
  it('loads with no request leaving the machine', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#search-input');
    // Critical links and the recovery table load on their own.
    await page.waitForSelector('#critical-links tbody tr, .tab-body .status-line.error');
    expectOnlyLocalRequests();
    expect(pageErrors).toEqual([]);
  });

  it('finds a dyeing plant and draws its chain by tier', async () => {
    await page.fill('#search-input', 'dyeing');
    const result = page.locator(`.search-result[data-id="${DYE_PLANT}"]`);
    await result.waitFor();
    await result.click();
    await page.waitForFunction(
      (id) => (globalThis as unknown as PageGlobals).linkfall.cy.getElementById(id).nonempty(),
      DYE_PLANT,
    );
    await expect.poll(() => page.textContent('#chain-title')).toMatch(/Alice/);

    const x = await page.evaluate(() => {
      const { cy } = (globalThis as unknown as PageGlobals).linkfall;
      const at = (id: string) => cy.getElementById(id).position('x');
      return { supplier: at('kq-chem-dyestuff-binhai'), plant: at('kq-dye-alice'), customer: at('kq-trade-buting') };
    });
    // Upstream on the left, downstream on the right.
    expect(x.supplier).toBeLessThan(x.plant);
    expect(x.customer).toBeGreaterThan(x.plant);
    await screenshot('explorer-chain');
  });

  it('blocks the supply link and shows the stalled count the impact query returns', async () => {
    await clickEdge(SPOF_LINK);
    await page.locator(`[data-scenario-id="${SPOF_LINK}"]`).waitFor();
    const shown = await runImpactInPage();

    const api = dataOf(await server.gql<ImpactData>(IMPACT, { scenario: { blockLinks: [SPOF_LINK] } })).impact;
    expect(api.stalledCount).toBeGreaterThan(0);
    expect(shown.stalled).toBe(api.stalledCount);
    expect(shown.partial).toBe(api.partialCount);
    expect(api.stalled.edges.map((edge) => edge.node.enterprise.id)).toContain(DYE_PLANT);
    // The headline is value, as impact reports it: output and trade apart, the physical output per unit on hover.
    expect(api.lostOutputValue).toBeGreaterThan(0);
    expect(shown.lostValue).toBe(formatMoney(api.lostOutputValue));
    expect(shown.lostTrade).toBe(formatMoney(api.lostTradeValue));
    for (const { unit, amount } of api.lostOutputByUnit)
      expect(shown.breakdown).toContain(`${formatNumber(amount)} ${unit}`);

    // The stalled set is highlighted in the graph and listed.
    const highlighted = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).linkfall.cy.nodes('.stalled').map((node) => node.id()),
    );
    expect(highlighted).toContain(DYE_PLANT);
    expect(await page.locator('.affected-list[data-outcome="stalled"] .affected-item').count()).toBe(api.stalledCount);
    await page.mouse.move(5, 5);
    await screenshot('explorer-impact');

    // With a duration shorter than the plant's stock the same block may stall less.
    await page.fill('#duration-days', '3');
    const shortBlock = await runImpactInPage();
    const apiShort = dataOf(
      await server.gql<ImpactData>(IMPACT, { scenario: { blockLinks: [SPOF_LINK], durationDays: 3 } }),
    ).impact;
    expect(shortBlock.stalled).toBe(apiShort.stalledCount);
    await page.fill('#duration-days', '');

    // A second click takes the link out of the scenario again.
    await clickEdge(SPOF_LINK);
    await page.locator(`[data-scenario-id="${SPOF_LINK}"]`).waitFor({ state: 'detached' });
    expect(await page.textContent('#scenario-count')).toBe('0');
  });

  it('lists the critical links, clickable into the scenario', async () => {
    const rows = page.locator('#critical-links tbody tr');
    await rows.first().waitFor();
    const api = dataOf(
      await server.gql<{ criticalLinks: { link: { id: string } }[] }>('{ criticalLinks(top: 10) { link { id } } }'),
    );
    expect(await rows.count()).toBe(api.criticalLinks.length);
    const first = api.criticalLinks[0].link.id;
    expect(await rows.first().getAttribute('data-link-id')).toBe(first);
    await rows.first().click();
    await page.locator(`[data-scenario-id="${first}"]`).waitFor();
    await page.locator(`#critical-links tbody tr[data-link-id="${first}"]`).click();
    await page.locator(`[data-scenario-id="${first}"]`).waitFor({ state: 'detached' });
  });

  it('shows the resumption plan with the output value each step brings back', async () => {
    const api = dataOf(
      await server.gql<{ resumptionPlan: { step: number; recoveredOutputValue: number }[] }>(
        '{ resumptionPlan(top: 10) { step recoveredOutputValue } }',
      ),
    );
    await page.click('.tab[data-tab="plan"]');
    const rows = page.locator('#resumption-plan tbody tr');
    await rows.first().waitFor();
    // Other test files may add blocks of their own meanwhile: the demo's first step leads either way.
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('td.money').first().textContent()).toBe(
      formatMoney(api.resumptionPlan[0].recoveredOutputValue),
    );
    await page.click('.tab[data-tab="critical"]');
  });

  it('shows recovery by region and by kind', async () => {
    const api = dataOf(
      await server.gql<{ region: { key: string }[]; kind: { key: string }[] }>(
        '{ region: recovery(groupBy: REGION) { key } kind: recovery(groupBy: KIND) { key } }',
      ),
    );
    await page.click('.tab[data-tab="recovery-region"]');
    await page.locator('#recovery-table[data-group-by="REGION"]').waitFor();
    expect(await page.locator('#recovery-table tbody tr').count()).toBe(api.region.length);
    expect(await page.textContent('#recovery-table tr[data-key="Shaoxing/Keqiao"]')).toContain('92%');
    await page.click('.tab[data-tab="recovery-kind"]');
    await page.locator('#recovery-table[data-group-by="KIND"]').waitFor();
    expect(await page.locator('#recovery-table tbody tr').count()).toBe(api.kind.length);
    await page.click('.tab[data-tab="critical"]');
    expectOnlyLocalRequests();
    expect(pageErrors).toEqual([]);
  });
});

describe('GraphQL IDE', () => {
  it('runs the example operations against the service', async () => {
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('.graphiql-container .graphiql-execute-button');
    const response = () => page.locator('.graphiql-response').innerText();

    // The first example tab: the chain around the dyeing plant, variables filled in.
    await page.click('.graphiql-execute-button');
    await expect.poll(response, { timeout: 20_000 }).toContain('"chain"');
    expect(await response()).toContain('"tier"');

    // The impact example: the same stalled count as the API.
    await page.getByRole('tab', { name: 'Impact' }).click();
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query Impact');
    await expect
      .poll(() => page.locator('.graphiql-editor-tool').innerText())
      .toContain('kq-l-chem-dyestuff-binhai-to-dye-alice');
    // GraphiQL picks up the new tab's operation name after a 100 ms debounce.
    await page.waitForTimeout(400);
    await page.click('.graphiql-execute-button');
    await expect.poll(response, { timeout: 20_000 }).toContain('"stalledCount"');
    const api = dataOf(
      await server.gql<ImpactData>(IMPACT, { scenario: { blockLinks: [SPOF_LINK], durationDays: 7 } }),
    ).impact;
    expect(await response()).toContain(`"stalledCount": ${api.stalledCount}`);
    await screenshot('graphiql');

    expectOnlyLocalRequests();
    expect(pageErrors).toEqual([]);

    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      fs.copyFileSync(path.join(ARTIFACTS, 'explorer-impact.png'), path.join(ROOT, 'docs', 'explorer.png'));
      fs.copyFileSync(path.join(ARTIFACTS, 'graphiql.png'), path.join(ROOT, 'docs', 'graphiql.png'));
    }
  });
});

describe('a pasted token', () => {
  const storedToken = () =>
    page.evaluate(() =>
      (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem(
        'linkfall:token',
      ),
    );
  const sentWith = (key: string) =>
    page.waitForRequest(
      (request) => request.url().endsWith('/graphql') && request.headers().authorization === `Bearer ${key}`,
    );

  it('is kept for the tab by the explorer and sent as Authorization: Bearer', async () => {
    const name = `e2e-explorer-${Date.now().toString(36)}`;
    const { key } = await services.apiTokens.create('test', name, 'analyst');
    await page.goto(`${server.url}/`);
    await page.fill('#token-input', key);
    const sent = sentWith(key);
    await page.click('#token-save');
    await sent;
    // The page reloads all it shows for the new token: the status may come after those requests.
    await expect.poll(() => page.textContent('#token-status'), { timeout: 10_000 }).toBe(`token:${name} · analyst`);
    expect(await storedToken()).toBe(key);
    await page.click('#token-clear');
    expect(await storedToken()).toBeNull();
  });

  it('is set from the key button of the GraphQL IDE and sent with its operations', async () => {
    const { key } = await services.apiTokens.create('test', `e2e-ide-${Date.now().toString(36)}`, 'analyst');
    await page.goto(`${server.url}/graphql`);
    await page.waitForSelector('#ide-token-button');
    page.once('dialog', (dialog) => void dialog.accept(key));
    await page.click('#ide-token-button');
    expect(await storedToken()).toBe(key);
    const sent = sentWith(key);
    await page.click('.graphiql-execute-button');
    await sent;
    page.once('dialog', (dialog) => void dialog.accept(''));
    await page.click('#ide-token-button');
    expect(await storedToken()).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
