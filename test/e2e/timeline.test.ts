import fs from 'node:fs';
import path from 'node:path';
import type { Core } from 'cytoscape';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../src/features/import/graph-document';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { connectTestGraph } from '../support/test-graph';
import { launchChromium, requireChromium } from '../support/launch-chromium';
import { dataOf, startTestServer } from '../support/test-server';

/**
 * The explorer's timeline panel end to end, on the demo data in Debian's
 * Chromium: events added through the panel, run with `simulate`, and the
 * chart and the day slider checked against the API's answer for the same
 * input. Then the same panel at 390 px wide.
 */

/** What the page callbacks below use of the browser's globals (typechecked without the DOM library). */
interface PageGlobals {
  linkfall: { cy: Core };
  document: {
    getElementById(id: string): {
      scrollWidth: number;
      clientWidth: number;
      classList: { contains(name: string): boolean };
      getBoundingClientRect(): { width: number };
    };
    querySelector(selector: string): { value: string; dispatchEvent(event: unknown): boolean } | null;
  };
  Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
}

const ROOT = path.resolve(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const DYE_PLANT = 'kq-dye-alice';
/** Alice's only dyestuff supplier: she keeps 5 days of dyestuff. */
const DYESTUFF_HUB = 'kq-chem-dyestuff-binhai';

const SIMULATE = `query($input: SimulationInput!) {
  simulate(input: $input) {
    days { day stalledCount partialCount directLostOutputValue indirectLostOutputValue }
    watched { enterprise { id } baselineFraction series }
  }
}`;

interface ApiSimulation {
  days: {
    day: number;
    stalledCount: number;
    partialCount: number;
    directLostOutputValue: number;
    indirectLostOutputValue: number;
  }[];
  watched: { enterprise: { id: string }; baselineFraction: number; series: number[] }[];
}

let db: GraphDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
const pageErrors: string[] = [];

async function openExplorer(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  await page.goto(`${server.url}/#id=${DYE_PLANT}&depth=2`);
  await page.waitForFunction(
    (id) => (globalThis as unknown as PageGlobals).linkfall.cy.getElementById(id).nonempty(),
    DYE_PLANT,
  );
  return page;
}

/** Runs the timeline from the page and returns the simulate input the page sent. */
async function runTimeline(page: Page): Promise<Record<string, any>> {
  const sent = page.waitForRequest(
    (request) => request.url().endsWith('/graphql') && (request.postData() ?? '').includes('ExplorerSimulate'),
  );
  await page.click('#run-timeline');
  const input = JSON.parse((await sent).postData()!).variables.input;
  await page.locator('#timeline-result').waitFor();
  await page.waitForFunction(
    () => !(globalThis as unknown as PageGlobals).document.getElementById('timeline-card').classList.contains('busy'),
  );
  return input;
}

/** Moves the day slider as a user would, firing its input event. */
async function slideTo(page: Page, day: number) {
  await page.evaluate((value) => {
    const { document, Event } = globalThis as unknown as PageGlobals;
    const slider = document.querySelector('#timeline-day')!;
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, day);
}

const colouredAs = (page: Page, outcome: string) =>
  page.evaluate(
    (cls) =>
      (globalThis as unknown as PageGlobals).linkfall.cy
        .nodes(`.${cls}`)
        .map((node) => node.id())
        .sort(),
    `day-${outcome}`,
  );

/**
 * The drawn enterprises the API's watched series puts in each state on `day`; those of a tier
 * collapsed into "+N more" (not in `drawn`) are not coloured.
 */
function expectedStates(api: ApiSimulation, day: number, drawn?: ReadonlySet<string>) {
  const states = { stalled: [] as string[], partial: [] as string[] };
  for (const w of api.watched) {
    if (drawn && !drawn.has(w.enterprise.id)) continue;
    const f = w.series[day];
    if (f === 0 && w.baselineFraction > 0) states.stalled.push(w.enterprise.id);
    else if (f < w.baselineFraction - 1e-6) states.partial.push(w.enterprise.id);
  }
  return { stalled: states.stalled.sort(), partial: states.partial.sort() };
}

beforeAll(async () => {
  requireChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const graph = await connectTestGraph();
  db = graph.db;
  const document = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'demo.json'), 'utf8')) as GraphDocument;
  await graph.services.imports.importGraph('test', document);
  server = await startTestServer(graph.services, { web: true });
  browser = await launchChromium(['--disable-component-update']);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.close();
});

describe('the timeline panel of the chain explorer', () => {
  it('runs a timeline of events and shows the chart and the day states the API computes', async () => {
    const page = await openExplorer(1440, 1000);
    await page.fill('#timeline-horizon', '30');
    // The dyestuff hub locked down on day 0, reopening on day 14; Alice back at half capacity from day 20.
    await page.selectOption('#timeline-block-target', `enterprise:${DYESTUFF_HUB}`);
    await page.fill('#timeline-block-from', '0');
    await page.fill('#timeline-block-reopens', '14');
    await page.click('#timeline-add-block');
    await page.selectOption('#timeline-capacity-target', `enterprise:${DYE_PLANT}`);
    await page.fill('#timeline-capacity', '50');
    await page.fill('#timeline-capacity-day', '20');
    await page.click('#timeline-add-capacity');
    expect(await page.locator('.timeline-event').allTextContents()).toEqual([
      expect.stringContaining('days 0–13'),
      expect.stringContaining('50% from day 20'),
    ]);

    const input = await runTimeline(page);
    expect(input).toMatchObject({
      horizonDays: 30,
      restockRate: 0.1,
      includeCurrentState: false,
      events: [
        { day: 0, block: { enterprises: [DYESTUFF_HUB] } },
        { day: 14, unblock: { enterprises: [DYESTUFF_HUB] } },
        { day: 20, setCapacity: [{ enterpriseId: DYE_PLANT, capacity: 0.5 }] },
      ],
    });
    expect(input.watch).toContain(DYE_PLANT);
    const api = dataOf(await server.gql<{ simulate: ApiSimulation }>(SIMULATE, { input })).simulate;

    // The chart: one group per day carrying the API's figures, and a stalled line through them.
    const bars = await page.$$eval('#timeline-chart g.tl-day', (groups) =>
      groups.map((g) => ({
        day: Number(g.getAttribute('data-day')),
        stalledCount: Number(g.getAttribute('data-stalled')),
        partialCount: Number(g.getAttribute('data-partial')),
        directLostOutputValue: Number(g.getAttribute('data-direct')),
        indirectLostOutputValue: Number(g.getAttribute('data-indirect')),
      })),
    );
    expect(bars).toEqual(api.days);
    expect(await page.locator('#timeline-chart polyline.tl-stalled-line').count()).toBe(1);
    // Alice runs 5 days on her dyestuff, then stalls until the hub reopens.
    expect(api.days[5].stalledCount).toBeGreaterThan(api.days[0].stalledCount);
    expect(api.days[14].stalledCount).toBe(0);

    // The slider colours the drawn chain by the chosen day's state.
    const drawn = new Set(
      await page.evaluate(() =>
        (globalThis as unknown as PageGlobals).linkfall.cy.nodes('.enterprise').map((node) => node.id()),
      ),
    );
    for (const day of [0, 7, 16, 21]) {
      await slideTo(page, day);
      await expect.poll(() => page.getAttribute('#timeline-chart .tl-day-marker', 'data-day')).toBe(String(day));
      const expected = expectedStates(api, day, drawn);
      expect(await colouredAs(page, 'stalled')).toEqual(expected.stalled);
      expect(await colouredAs(page, 'partial')).toEqual(expected.partial);
      expect(await page.textContent('#timeline-day-summary')).toContain(`${api.days[day].stalledCount} stalled`);
    }
    expect(expectedStates(api, 7).stalled).toContain(DYE_PLANT);
    expect(expectedStates(api, 16).stalled).not.toContain(DYE_PLANT);
    expect(expectedStates(api, 21).partial).toContain(DYE_PLANT);
    await slideTo(page, 7);
    await page.locator('#timeline-day').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-timeline.png') });

    // Changing the scenario marks the result stale until it runs again.
    await page.fill('#timeline-horizon', '20');
    await expect.poll(() => page.textContent('#timeline-status')).toMatch(/run it again/);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('stays usable at 390 px wide: nothing overflows the card, the chart fits', async () => {
    const page = await openExplorer(390, 844);
    await page.selectOption('#timeline-block-target', `enterprise:${DYESTUFF_HUB}`);
    await page.fill('#timeline-block-reopens', '10');
    await page.click('#timeline-add-block');
    await page.fill('#timeline-horizon', '20');
    await runTimeline(page);
    expect(await page.locator('#timeline-chart g.tl-day').count()).toBe(20);
    const fit = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const card = document.getElementById('timeline-card');
      const chart = document.getElementById('timeline-chart');
      return {
        card: { scroll: card.scrollWidth, client: card.clientWidth, width: card.getBoundingClientRect().width },
        chart: chart.getBoundingClientRect().width,
      };
    });
    expect(fit.card.width).toBeLessThanOrEqual(390);
    expect(fit.card.scroll).toBeLessThanOrEqual(fit.card.client);
    expect(fit.chart).toBeLessThanOrEqual(fit.card.width);
    await page.locator('#timeline-card').screenshot({ path: path.join(ARTIFACTS, 'explorer-timeline-390.png') });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
