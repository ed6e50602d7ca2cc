import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';

/**
 * Every scenario input the schema accepts, sent to `impact`, gets an answer
 * or a client error: BAD_USER_INPUT, never INTERNAL_SERVER_ERROR, and never
 * an HTTP status of 500 or more (issue 9, item 9); so do the critical
 * rankings' arguments and scenarios compared.
 */
const p = uniquePrefix('scenario-input');
const fixture = keqiaoFixture(p);
const t = useGraphTest(p, { document: fixture });

const ids = {
  enterprises: fixture.enterprises.map((e) => e.id),
  links: fixture.links.map((l) => l.id),
};
const products = [...new Set(fixture.links.map((l) => l.product))];

const unknownId = fc.oneof(
  fc.string({ maxLength: 10 }).map((s) => `${p}-ghost${s}`),
  fc.constantFrom('', ' ', 'x'.repeat(129), '\u0000', "' OR 1=1 --"),
);
const someIds = (known: string[]) =>
  fc.array(fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: unknownId }), {
    maxLength: 4,
  });
const region = fc.oneof(
  { weight: 12, arbitrary: fc.constant(fixture.region) },
  { weight: 1, arbitrary: fc.constantFrom(`${p}-Atlantis`, '', 'r'.repeat(201)) },
);
const mode = fc.oneof(
  { weight: 15, arbitrary: fc.constantFrom('ROAD', 'RAIL', 'LOCAL', 'WATER', 'AIR', 'PIPELINE') },
  { weight: 1, arbitrary: fc.constantFrom('road', 'TELEPORT', '', 'ROAD ') },
);
const product = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...products) },
  { weight: 1, arbitrary: fc.constantFrom('unobtainium', '', 'Dyed Fabric') },
);
/** null as well as absent: the schema lets a client send either for every optional field. */
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const linkFilter = fc.record(
  {
    modes: maybe(fc.array(mode, { maxLength: 3 })),
    products: maybe(fc.array(product, { maxLength: 3 })),
    fromRegions: maybe(fc.array(region, { maxLength: 2 })),
    toRegions: maybe(fc.array(region, { maxLength: 2 })),
    crossRegion: maybe(fc.boolean()),
  },
  { requiredKeys: [] },
);
/** JSON carries no NaN or Infinity: clients send null, strings or numbers past any sensible range for them. */
const durationDays = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0.5, 1, 3, 7, 30, 1e-300, 1e9, 1e308, Number.MAX_VALUE, null) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, -1, -Number.MAX_VALUE, 'NaN', 'Infinity', '-Infinity', '7', '') },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
);
const scenario = fc.record(
  {
    blockLinks: maybe(someIds(ids.links)),
    blockEnterprises: maybe(someIds(ids.enterprises)),
    blockRegions: maybe(fc.array(region, { maxLength: 2 })),
    blockModes: maybe(fc.array(mode, { maxLength: 3 })),
    blockLinksWhere: maybe(fc.array(linkFilter, { maxLength: 3 })),
    durationDays,
    includeCurrentState: fc.oneof(
      { weight: 6, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constantFrom(null, 'true', 1) },
    ),
  },
  { requiredKeys: [] },
);

const IMPACT = `query($s: ScenarioInput!) { impact(scenario: $s) {
  stalledCount partialCount lostOutputValue lostTradeValue lostOutputByUnit { unit amount } unvaluedProducerCount
  byKind { key stalledCount lostOutputValue } byRegion { key stalledCount lostOutputValue }
  stalled(first: 20) { totalCount edges { node { id stallsOnDay outputFraction lostOutputValue cause } } }
  partial(first: 20) { totalCount edges { node { id outputFraction } } }
  graph(maxNodes: 50) { nodes { id } links { id } truncated }
} }`;

const CRITICAL = `query($w: LinkFilterInput, $f: EnterpriseFilter, $d: Float, $c: Boolean!, $m: CriticalMeasure!, $n: Int!) {
  criticalLinks(where: $w, durationDays: $d, includeCurrentState: $c, measure: $m, top: $n) { link { id } stalledCount }
  criticalEnterprises(filter: $f, durationDays: $d, includeCurrentState: $c, measure: $m, top: $n) { enterprise { id } }
}`;
const COMPARE = `query($a: ScenarioRef!, $b: ScenarioRef!) { compareScenarios(a: $a, b: $b) {
  stalledCountDifference lostOutputValueDifference
  stalledInBoth { totalCount edges { node { stallDayDifference } } }
} }`;
const rankingArguments = fc.record({
  w: maybe(linkFilter),
  f: maybe(fc.record({ region: fc.array(region, { maxLength: 2 }) }, { requiredKeys: [] })),
  d: durationDays,
  c: fc.boolean(),
  m: fc.constantFrom('STALLED_COUNT', 'LOST_OUTPUT'),
  n: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, -1, 201)),
});

/** Data, or errors that are all BAD_USER_INPUT, and never a 5xx; counted by outcome. */
async function expectAnswerOrBadUserInput(
  outcomes: Map<string, number>,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, any> | null> {
  const { status, body } = await t.server.gqlWithStatus(query, variables);
  const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? 'NONE');
  const outcome = `${status} ${codes[0] ?? 'ok'}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const label = JSON.stringify(variables);
  expect(status, label).toBeLessThan(500);
  if (codes.length === 0) return body.data!;
  expect(codes, label).toEqual(codes.map(() => 'BAD_USER_INPUT'));
  return null;
}

/** The run saw answers and refusals alike. */
function expectAnswersAndRefusals(outcomes: Map<string, number>): void {
  if (process.env.FUZZ_REPORT) console.log(Object.fromEntries([...outcomes].sort()));
  expect([...outcomes.keys()].some((outcome) => outcome.endsWith(' ok'))).toBe(true);
  expect([...outcomes.keys()].some((outcome) => outcome.endsWith(' BAD_USER_INPUT'))).toBe(true);
}

describe('impact over any scenario input', () => {
  it('answers random scenario inputs with data or BAD_USER_INPUT, never INTERNAL_SERVER_ERROR or a 5xx', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const data = await expectAnswerOrBadUserInput(outcomes, IMPACT, { s });
        if (data === null) return;
        const label = JSON.stringify(s);
        expect(data.impact.stalled.totalCount, label).toBe(data.impact.stalledCount);
        expect(data.impact.lostOutputValue, label).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(data.impact.lostOutputValue), label).toBe(true);
      }),
      // A fixed seed by default, so a run is repeatable; FUZZ_SEED explores others.
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 9) },
    );
    expectAnswersAndRefusals(outcomes);
  }, 180_000);

  it('answers random critical-ranking arguments and compared scenarios the same way', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(rankingArguments, scenario, scenario, async (ranking, a, b) => {
        await expectAnswerOrBadUserInput(outcomes, CRITICAL, ranking);
        await expectAnswerOrBadUserInput(outcomes, COMPARE, { a: { scenario: a }, b: { scenario: b } });
      }),
      { numRuns: 100, seed: Number(process.env.FUZZ_SEED ?? 9) },
    );
    expectAnswersAndRefusals(outcomes);
  }, 180_000);
});
