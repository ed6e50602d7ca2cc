import fs from 'node:fs';
import path from 'node:path';
import type { Core } from 'cytoscape';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { loadDemoData } from '../../src/app/seed-demo-data';
import { EXAMPLE_TABS } from '../../src/web/app/ide/example-operations';
import { connectTestGraph } from '../support/test-graph';
import { launchChromium, requireChromium } from '../support/launch-chromium';
import { dataOf, startTestServer } from '../support/test-server';

/**
 * The chain explorer's screens on the demo data in Debian's Chromium, at a
 * laptop's 1280x800 and a phone's 390x844: readable labels on a hub's chain,
 * the map layout, region and mode blocks, saved scenarios and their
 * comparison, alternatives of a stalled enterprise; then every example tab of
 * the GraphQL IDE run against the service. UPDATE_DOCS_SCREENSHOTS=1 copies
 * the screenshots the README shows into docs/.
 */

/** What the page callbacks below use of the browser's globals (typechecked without the DOM library). */
interface PageGlobals {
  linkfall: { cy: Core };
  document: {
    scrollingElement: { scrollWidth: number };
    getElementById(id: string): { getBoundingClientRect(): { left: number; right: number; width: number } };
  };
}

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const HUB = 'kq-market-textile-city';
const DYE_PLANT = 'kq-dye-alice';
const SPOF_LINK = 'kq-l-chem-dyestuff-binhai-to-dye-alice';
/** Labels drawn on screen are at least this many px, or hidden (graph-style's LABEL_MIN_PX). */
const LABEL_MIN_PX = 9;

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let db: GraphDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const pageErrors: string[] = [];
/** Saved scenarios this file made, deleted at the end. */
const savedIds: string[] = [];

async function open(size: { width: number; height: number }, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.url}${url}`);
  return page;
}

async function openChain(size: { width: number; height: number }, id: string, depth = 2): Promise<Page> {
  const page = await open(size, `/#id=${id}&depth=${depth}`);
  await page.waitForFunction(
    (startId) => (globalThis as unknown as PageGlobals).linkfall.cy.getElementById(startId).nonempty(),
    id,
  );
  return page;
}

/** Per drawn enterprise: its label's size on screen in px and whether it is shown. */
function labels(page: Page) {
  return page.evaluate(() => {
    const { cy } = (globalThis as unknown as PageGlobals).linkfall;
    return {
      zoom: cy.zoom(),
      labels: cy.nodes('.enterprise').map((node) => ({
        id: node.id(),
        px: parseFloat(node.style('font-size')) * cy.zoom(),
        shown: Number(node.style('text-opacity')) > 0,
      })),
    };
  });
}

async function runImpact(page: Page) {
  await page.click('#run-impact');
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelector(s: string): { hidden: boolean } | null } })
      .document;
    return !doc.querySelector('#impact-card.busy') && !doc.querySelector('#impact-metrics')!.hidden;
  });
  return Number(await page.textContent('#impact-stalled-count'));
}

async function apiStalledCount(scenario: Record<string, unknown>) {
  const data = dataOf(
    await server.gql<{ impact: { stalledCount: number } }>(
      'query($s: ScenarioInput!) { impact(scenario: $s) { stalledCount } }',
      { s: scenario },
    ),
  );
  return data.impact.stalledCount;
}

async function saveInPage(page: Page, name: string): Promise<string> {
  await page.fill('#scenario-name', name);
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('saveScenario'),
  );
  await page.click('#save-scenario');
  const body = await (await saved).json();
  const id = body.data.saveScenario.id as string;
  savedIds.push(id);
  await page.locator(`.saved-item[data-saved-id="${id}"]`).waitFor();
  return id;
}

function screenshot(page: Page, name: string, docsName?: string) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  return page.screenshot({ path: file }).then(() => {
    if (docsName && process.env.UPDATE_DOCS_SCREENSHOTS) fs.copyFileSync(file, path.join(ROOT, 'docs', docsName));
  });
}

beforeAll(async () => {
  requireChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const graph = await connectTestGraph();
  db = graph.db;
  await loadDemoData(graph.services, 'test');
  server = await startTestServer(graph.services, { web: true });
  // What every page asks for on load, computed once here (hook timeout) rather than in the first test.
  await server.gql('{ criticalLinks(top: 10, includeCurrentState: false) { stalledCount } }');
  await server.gql(`{ chain(id: "${HUB}", direction: BOTH, maxDepth: 2, maxNodes: 200) { truncated } }`);
  browser = await launchChromium(['--disable-component-update']);
});

afterAll(async () => {
  for (const id of savedIds) await server?.gql('mutation($id: ID!) { deleteScenario(id: $id) { id } }', { id });
  await browser?.close();
  await server?.stop();
  await db?.close();
});

describe('the chain explorer at 1280x800', () => {
  it('draws China Textile City at 2 hops readably: crowded tiers collapse into +N more, labels at least 10 px', async () => {
    const page = await openChain(LAPTOP, HUB);
    const drawn = await labels(page);
    const more = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).linkfall.cy.nodes('.more').map((node) => ({
        id: node.id(),
        tier: node.data('tier') as number,
        count: node.data('count') as number,
      })),
    );
    // 45 enterprises: the tiers of 16, 14 and 10 stand behind count nodes.
    expect(more.length).toBeGreaterThan(0);
    expect(drawn.labels.length + more.reduce((sum, group) => sum + group.count, 0)).toBe(45);
    for (const label of drawn.labels) {
      expect(label.shown, label.id).toBe(true);
      expect(label.px, label.id).toBeGreaterThanOrEqual(10);
    }
    await screenshot(page, 'explorer-hub-1280', 'explorer-1280.png');

    // A click on a count node draws its tier in full.
    const first = more[0];
    const point = await page.evaluate((id) => {
      const { linkfall, document } = globalThis as unknown as PageGlobals;
      const node = linkfall.cy.getElementById(id);
      const box = document.getElementById('graph').getBoundingClientRect();
      const at = node.renderedPosition();
      return { x: box.left + at.x, y: (box as unknown as { top: number }).top + at.y };
    }, first.id);
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(() =>
        page.evaluate(
          (tier) => (globalThis as unknown as PageGlobals).linkfall.cy.nodes(`.enterprise[tier = ${tier}]`).length,
          first.tier,
        ),
      )
      .toBeGreaterThan(first.count);

    // Zoomed far out, a label is either LABEL_MIN_PX on screen or not drawn at all.
    // (A block body: cy.zoom(level) returns the whole Core, which evaluate would serialize for a minute.)
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).linkfall.cy.zoom(0.2);
    });
    await expect
      .poll(async () => (await labels(page)).labels.every((l) => !l.shown || l.px >= LABEL_MIN_PX))
      .toBe(true);
    expect((await labels(page)).labels.some((l) => !l.shown)).toBe(true);
    await page.context().close();
  });

  it('lays the chain out on a map from latitude and longitude, with region names, offline', async () => {
    const page = await openChain(LAPTOP, HUB);
    await page.selectOption('#layout-select', 'geo');
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).linkfall.cy.nodes('.region-label').length > 0,
    );
    const map = await page.evaluate(() => {
      const { cy } = (globalThis as unknown as PageGlobals).linkfall;
      return {
        regions: cy.nodes('.region-label').map((node) => node.data('label') as string),
        more: cy.nodes('.more').length,
        enterprises: cy.nodes('.enterprise').map((node) => ({ id: node.id(), x: node.position('x') })),
      };
    });
    expect(map.regions).toEqual(expect.arrayContaining(['Shaoxing/Keqiao', 'Ningbo/Yinzhou']));
    expect(map.more).toBe(0);
    expect(map.enterprises).toHaveLength(45);
    // Ningbo lies east of Keqiao: its enterprises are drawn to the right of the hub.
    const api = dataOf(
      await server.gql<{ enterprises: { edges: { node: { id: string } }[] } }>(
        '{ enterprises(first: 50, filter: { region: ["Ningbo/Yinzhou"] }) { edges { node { id } } } }',
      ),
    );
    const ningbo = new Set(api.enterprises.edges.map((edge) => edge.node.id));
    const hubX = map.enterprises.find((e) => e.id === HUB)!.x;
    const east = map.enterprises.filter((e) => ningbo.has(e.id));
    expect(east.length).toBeGreaterThan(0);
    for (const e of east) expect(e.x).toBeGreaterThan(hubX);
    await screenshot(page, 'explorer-map-1280');
    await page.context().close();
  });

  it('blocks regions and modes chosen from the API, saves, lists, loads and compares scenarios', async () => {
    const page = await openChain(LAPTOP, DYE_PLANT);
    await page.click('#block-choices-panel summary');
    const modes = await page
      .locator('#block-modes input')
      .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value));
    expect(modes).toEqual(expect.arrayContaining(['ROAD', 'RAIL']));
    const regions = dataOf(await server.gql<{ recovery: { key: string }[] }>('{ recovery(groupBy: REGION) { key } }'));
    expect(await page.locator('#block-regions input').count()).toBe(regions.recovery.length);

    // A: the road closed everywhere.
    await page.check('#block-modes input[value="ROAD"]');
    expect(await runImpact(page)).toBe(await apiStalledCount({ blockModes: ['ROAD'] }));
    const a = await saveInPage(page, `e2e road ${Date.now().toString(36)}`);

    // B: Keqiao locked down.
    await page.click('#clear-scenario');
    await page.check('#block-regions input[value="Shaoxing/Keqiao"]');
    expect(await runImpact(page)).toBe(await apiStalledCount({ blockRegions: ['Shaoxing/Keqiao'] }));
    const b = await saveInPage(page, `e2e keqiao ${Date.now().toString(36)}`);

    // Loading A checks ROAD again and runs it.
    await page.click(`.saved-item[data-saved-id="${a}"] .load-saved`);
    await expect.poll(() => page.isChecked('#block-modes input[value="ROAD"]')).toBe(true);
    expect(await page.isChecked('#block-regions input[value="Shaoxing/Keqiao"]')).toBe(false);
    await expect
      .poll(() => page.textContent('#impact-stalled-count'))
      .toBe(String(await apiStalledCount({ blockModes: ['ROAD'] })));

    // Compare: the three groups and the differences, as compareScenarios answers.
    await page.selectOption('#compare-a', a);
    await page.selectOption('#compare-b', b);
    await page.click('#compare-run');
    await page.locator('#comparison-result').waitFor();
    const api = dataOf(
      await server.gql<{
        compareScenarios: {
          stalledCountDifference: number;
          stalledOnlyInA: { totalCount: number };
          stalledOnlyInB: { totalCount: number };
          stalledInBoth: { totalCount: number };
        };
      }>(
        `query($a: ID!, $b: ID!) { compareScenarios(a: { id: $a }, b: { id: $b }) {
          stalledCountDifference
          stalledOnlyInA { totalCount } stalledOnlyInB { totalCount } stalledInBoth { totalCount } } }`,
        { a, b },
      ),
    ).compareScenarios;
    const count = (group: string) => page.textContent(`.compare-group[data-group="${group}"] h3 .badge`);
    expect(await count('only-a')).toBe(String(api.stalledOnlyInA.totalCount));
    expect(await count('only-b')).toBe(String(api.stalledOnlyInB.totalCount));
    expect(await count('both')).toBe(String(api.stalledInBoth.totalCount));
    expect(await page.textContent('#compare-stalled-difference')).toContain(
      String(Math.abs(api.stalledCountDifference)),
    );
    await page.context().close();
  });

  it('shows the alternative suppliers and routes of a stalled enterprise, and the resumption plan', async () => {
    const page = await openChain(LAPTOP, DYE_PLANT);
    const edge = await page.evaluate((id) => {
      const { linkfall, document } = globalThis as unknown as PageGlobals;
      const mid = linkfall.cy.getElementById(id).renderedMidpoint();
      const box = document.getElementById('graph').getBoundingClientRect();
      return { x: box.left + mid.x, y: (box as unknown as { top: number }).top + mid.y };
    }, SPOF_LINK);
    await page.mouse.click(edge.x, edge.y);
    await page.locator(`[data-scenario-id="${SPOF_LINK}"]`).waitFor();
    await runImpact(page);
    await page.click(`[data-alternatives-for="${DYE_PLANT}"]`);
    await page.locator(`#alternatives[data-for="${DYE_PLANT}"]`).waitFor();
    const api = dataOf(
      await server.gql<{ alternativeSuppliers: { enterprise: { id: string } }[] }>(
        `query($s: ScenarioInput) { alternativeSuppliers(id: "${DYE_PLANT}", product: "dyestuff", scenario: $s, first: 5) {
          enterprise { id } } }`,
        { s: { blockLinks: [SPOF_LINK] } },
      ),
    ).alternativeSuppliers;
    expect(api.length).toBeGreaterThan(0);
    const shown = await page
      .locator('.alt-product[data-product="dyestuff"] .alt-suppliers li')
      .evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { id: string } }).dataset.id));
    expect(shown).toEqual(api.map((s) => s.enterprise.id));
    await screenshot(page, 'explorer-alternatives-1280');

    await page.click('.tab[data-tab="plan"]');
    await page.locator('#resumption-plan tbody tr').first().waitFor();
    await page.context().close();
  });
});

describe('the chain explorer at 390x844', () => {
  it('has no horizontal scroll; the graph fits the width; impact, legend, tabs and timeline are reachable', async () => {
    const page = await openChain(PHONE, DYE_PLANT);
    const widths = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      return {
        page: document.scrollingElement.scrollWidth,
        graph: document.getElementById('graph').getBoundingClientRect().width,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.graph).toBeLessThanOrEqual(390);
    const drawn = await labels(page);
    for (const label of drawn.labels) expect(!label.shown || label.px >= LABEL_MIN_PX, label.id).toBe(true);
    expect(drawn.labels.filter((l) => l.shown).length).toBeGreaterThan(drawn.labels.length / 2);
    await page.locator('#graph').scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-390', 'explorer-390.png');

    // Block the mode ROAD and run: the impact card comes into view, within the width.
    await page.locator('#block-choices-panel summary').scrollIntoViewIfNeeded();
    await page.click('#block-choices-panel summary');
    await page.check('#block-modes input[value="ROAD"]');
    expect(await runImpact(page)).toBe(await apiStalledCount({ blockModes: ['ROAD'] }));
    for (const selector of ['#impact-metrics', '#impact-lists', '#legend', '.tabs', '#tab-body', '#timeline-card']) {
      const locator = page.locator(selector).first();
      await locator.scrollIntoViewIfNeeded();
      expect(await locator.isVisible(), selector).toBe(true);
      const box = (await locator.boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(390.5);
    }
    await page.locator('#impact-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-impact-390');

    // Cards fold away by their heading.
    await page.click('#saved-card h2');
    expect(await page.isVisible('#save-form')).toBe(false);
    await page.click('#saved-card h2');
    expect(await page.isVisible('#save-form')).toBe(true);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.scrollingElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

describe('the GraphQL IDE', () => {
  it('runs every example tab against the service without an error', async () => {
    const page = await open(LAPTOP, '/graphql');
    await page.waitForSelector('.graphiql-container .graphiql-execute-button');
    const response = () => page.locator('.graphiql-response').innerText();
    const names = EXAMPLE_TABS.map((tab) => /^(?:query|mutation) (\w+)/m.exec(tab.query)![1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'Chain',
        'SearchEnterprises',
        'Paths',
        'Impact',
        'CriticalLinks',
        'AlternativeRoutes',
        'AlternativeSuppliers',
        'ResumptionPlan',
        'Recovery',
        'RecoveryTimeline',
        'FuquanTimeline',
        'CompareScenarios',
        'SaveScenario',
      ]),
    );
    // The routes tab asks for routes, not an impact.
    expect(EXAMPLE_TABS[names.indexOf('AlternativeRoutes')].query).toMatch(/alternativeRoutes\(/);
    for (const [index, name] of names.entries()) {
      await page.locator(`.graphiql-tab-button[title="${name}"]`).click();
      await expect
        .poll(() => page.locator('.graphiql-query-editor').innerText())
        .toMatch(new RegExp(`(query|mutation) ${name}\\b`));
      // GraphiQL picks up the tab's operation name after a 100 ms debounce.
      await page.waitForTimeout(300);
      const before = await response();
      await page.click('.graphiql-execute-button');
      await expect.poll(response, { timeout: 30_000 }).not.toBe(before);
      await expect.poll(response, { timeout: 30_000 }).toContain('"data"');
      const text = await response();
      expect(text, `tab ${index}: ${name}`).not.toContain('"errors"');
      // The response pane shows folding marks: read the id off the text.
      if (name === 'SaveScenario') savedIds.push(/"id": "(scn-[^"]+)"/.exec(text)![1]);
    }
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows the response below the editor at 390 px', async () => {
    const page = await open(PHONE, '/graphql');
    await page.waitForSelector('.graphiql-container .graphiql-execute-button');
    await page.click('.graphiql-execute-button');
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 20_000 }).toContain('"chain"');
    const box = (await page.locator('.graphiql-response').boundingBox())!;
    const editor = (await page.locator('.graphiql-editors').boundingBox())!;
    expect(box.width).toBeGreaterThan(250);
    expect(box.x + box.width).toBeLessThanOrEqual(390.5);
    expect(box.y).toBeGreaterThanOrEqual(editor.y + editor.height - 1);
    expect(box.y + 100).toBeLessThanOrEqual(844);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.scrollingElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await screenshot(page, 'graphiql-390', 'graphiql-390.png');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
