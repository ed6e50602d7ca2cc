import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph, prepareGraph, renumberInRankOrder } from '../../src/engine';
import { rankOrderNumbering } from '../../src/engine/renumber-in-rank-order';
import { variableOrderOf } from '../../src/engine/topological-rank';
import { expectMatchesReference } from './expect-matches-reference';
import { arbitraryGraph, arbitraryGraphAndScenario } from './random-graphs';
import { arbitraryCase } from './random-patches';

describe('renumberInRankOrder', () => {
  it('numbers every enterprise once, in the order a sweep visits producers and pass-through products', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (input) => {
        const graph = SupplyGraph.build(input);
        const remap = rankOrderNumbering(graph);
        expect([...remap].sort((a, b) => a - b)).toEqual([...Array(graph.nodeCount).keys()]);
        // Walking the ranks, each enterprise gets its number where it is first met.
        const n = graph.nodeCount;
        const seen: number[] = [];
        for (const x of variableOrderOf(graph).order) {
          const v = x < n ? x : graph.portNode[x - n];
          const passThrough = graph.nodePassThrough[v] === 1;
          const hasPorts = graph.nodePortStart[v] < graph.nodePortStart[v + 1];
          const visited = x < n ? !passThrough || !hasPorts : passThrough;
          if (visited && !seen.includes(v)) seen.push(v);
        }
        expect(seen.map((v) => remap[v])).toEqual([...Array(n).keys()]);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every row: each id with its fields, each link with its index and its ends', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (input) => {
        const graph = SupplyGraph.build(input);
        const renumbered = renumberInRankOrder(graph);
        for (const e of input.enterprises) {
          const v = renumbered.nodeIndex(e.id);
          expect(renumbered.enterpriseId(v)).toBe(e.id);
          const w = graph.nodeIndex(e.id);
          for (const read of [
            'kind',
            'status',
            'regionName',
            'park',
            'dailyCapacity',
            'dailyOutputValue',
            'unit',
          ] as const)
            expect(renumbered[read](v)).toEqual(graph[read](w));
          expect(renumbered.nodeCapacityRecovery[v]).toBe(graph.nodeCapacityRecovery[w]);
        }
        input.links.forEach((link, l) => {
          expect(renumbered.linkIndex(link.id)).toBe(l);
          expect(renumbered.enterpriseId(renumbered.linkFrom[l])).toBe(link.from);
          expect(renumbered.enterpriseId(renumbered.linkTo[l])).toBe(link.to);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('answers as the reference engine does, propagating and sweeping, over random graphs and scenarios', () => {
    fc.assert(
      fc.property(arbitraryGraphAndScenario(), ({ graph: input, scenario }) => {
        const graph = renumberInRankOrder(SupplyGraph.build(input));
        expectMatchesReference(input, scenario, graph, 'propagate');
        expectMatchesReference(input, scenario, graph, 'sweep');
      }),
      { numRuns: 400 },
    );
  });

  it('once patched (rows deleted, replaced, appended), still answers as the reference does on the patched rows', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ input, patches, patched, scenarios }) => {
        let graph = renumberInRankOrder(SupplyGraph.build(input));
        for (const patch of patches) graph = prepareGraph(graph).patch(patch);
        for (const scenario of scenarios) {
          expectMatchesReference(patched, scenario, graph, 'propagate');
          expectMatchesReference(patched, scenario, graph, 'sweep');
        }
      }),
      { numRuns: 200 },
    );
  });
});
