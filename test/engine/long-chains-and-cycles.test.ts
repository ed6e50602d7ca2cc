import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario } from '../../src/engine';
import { expectMatchesReference } from './expect-matches-reference';
import { denseCycles, longChain, scenarioOver } from './structured-graphs';

// The reference is slow on these sizes, and a slow random draw under a loaded CI machine must not time out:
// a fixed seed keeps the cost known; set ENGINE_PROPERTY_SEED to explore other graphs.
const seed = Number(process.env.ENGINE_PROPERTY_SEED ?? 20_261_122);

describe('evaluateScenario matches the reference on long chains and dense cycles', () => {
  it('a chain of thousands of enterprises, listed in random order, blocked at its head or anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 500, max: 2500 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (length, graphSeed, atHead) => {
          const input = longChain(length, graphSeed);
          const scenarios = fc.sample(scenarioOver(input, atHead ? [input.head] : []), { numRuns: 1, seed: graphSeed });
          const graph = SupplyGraph.build(input);
          expectMatchesReference(input, scenarios[0], graph, 'propagate');
          expectMatchesReference(input, scenarios[0], graph, 'sweep');
        },
      ),
      { numRuns: 6, seed },
    );
  }, 120_000);

  it('many small strongly connected groups and one big one, self-loops and pass-throughs included', () => {
    fc.assert(
      fc.property(
        // The reference iterates to 1e-13: loops that keep most of their output make it slow, so sizes stay modest.
        fc.integer({ min: 10, max: 20 }),
        fc.integer({ min: 20, max: 60 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (groups, bigSize, graphSeed) => {
          const input = denseCycles(groups, bigSize, graphSeed);
          const graph = SupplyGraph.build(input);
          for (const scenario of fc.sample(scenarioOver(input), { numRuns: 2, seed: graphSeed })) {
            expectMatchesReference(input, scenario, graph, 'propagate');
            expectMatchesReference(input, scenario, graph, 'sweep');
          }
        },
      ),
      { numRuns: 8, seed },
    );
  }, 120_000);

  it('blocking the head of a 10,000-enterprise chain stalls the rest, with the whole chain as the last one’s cause', () => {
    const length = 10_000;
    const input = longChain(length, 7);
    // Only the chain itself: no side suppliers, nothing stalled or blocked already.
    const chainIds = new Set(Array.from({ length }, (_, i) => `e${i}`));
    const links = input.links.filter((l) => chainIds.has(l.from) && chainIds.has(l.to) && l.product !== 'auxiliaries');
    const graph = SupplyGraph.build({
      enterprises: input.enterprises.filter((e) => chainIds.has(e.id)).map((e) => ({ ...e, status: 'OPERATING' })),
      links: links.map((l) => ({ ...l, status: 'OPEN', inventoryDays: null })),
    });
    const result = evaluateScenario(graph, { blockLinks: [input.head] });
    expect(result.stalledCount).toBe(length - 1);
    const last = result.row(graph.nodeIndex(`e${length - 1}`))!;
    expect(last.cause).toHaveLength(length - 1);
    expect(last.cause[0]).toBe(input.head);
    const page = result.rows('STALLED', 0, 20);
    expect(page.map((a) => a.id)).toEqual(
      [...chainIds]
        .filter((id) => id !== 'e0')
        .sort()
        .slice(0, 20),
    );
  });
});
