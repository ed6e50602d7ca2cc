import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario } from '../../src/engine';
import { expectMatchesReference } from './expect-matches-reference';
import { arbitraryGraph, arbitraryGraphAndScenario, arbitraryScenario } from './random-graphs';
import { referenceEvaluate } from './reference-engine';

describe('evaluateScenario matches the naive reference engine', () => {
  it('agrees on stalled, direct and partial sets, fractions and days to stall over random graphs and scenarios', () => {
    fc.assert(
      fc.property(arbitraryGraphAndScenario(), ({ graph: input, scenario }) => {
        const graph = SupplyGraph.build(input);
        // Both ways of evaluating: propagating from the blocks, and sweeping the whole graph.
        const propagated = expectMatchesReference(input, scenario, graph, 'propagate');
        const swept = expectMatchesReference(input, scenario, graph, 'sweep');
        expect(swept.stalledCount).toBe(propagated.stalledCount);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees when one graph sweeps scenario after scenario, its scratch space and sweep state reused without clearing', () => {
    fc.assert(
      fc.property(
        arbitraryGraph().chain((input) =>
          fc.record({
            input: fc.constant(input),
            scenarios: fc.array(arbitraryScenario(input), { minLength: 2, maxLength: 5 }),
          }),
        ),
        ({ input, scenarios }) => {
          const graph = SupplyGraph.build(input);
          for (const scenario of scenarios) expectMatchesReference(input, scenario, graph, 'sweep');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('days to stall without a window give the stall rule of §3 exactly', () => {
    fc.assert(
      fc.property(arbitraryGraphAndScenario(), ({ graph: input, scenario }) => {
        const unbounded = { ...scenario, durationDays: null };
        const reference = referenceEvaluate(input, unbounded);
        const result = evaluateScenario(SupplyGraph.build(input), unbounded);
        const stalled = new Set(result.affected.filter((a) => a.stalled).map((a) => a.id));
        for (const e of input.enterprises) {
          const byRule =
            reference.direct.has(e.id) ||
            (reference.outputsInBaseline.has(e.id) && !reference.outputsInScenario.has(e.id));
          expect(stalled.has(e.id)).toBe(byRule);
          // Without cycles feeding themselves in part, a stalled enterprise has f = 0.
          if (byRule) expect(reference.fraction.get(e.id)).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
