import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph } from '../../src/engine';
import { activeVariablesOf, sourceVariable, targetVariable, variableOrderOf } from '../../src/engine/topological-rank';
import { arbitraryGraph } from './random-graphs';

describe('the variable order a sweep follows', () => {
  it('ranks suppliers before customers, a cycle’s members on consecutive ranks, level after level', () => {
    fc.assert(
      fc.property(arbitraryGraph(14, 34), (input) => {
        const graph = SupplyGraph.build(input);
        const { rank, order, cyclic, componentStart, componentEnd } = variableOrderOf(graph);
        const count = graph.nodeCount + graph.portCount;
        expect(order.length).toBe(count);
        for (let r = 0; r < count; r++) expect(rank[order[r]]).toBe(r);
        // A component: its members hold ranks componentStart .. componentEnd - 1, and nothing else does.
        for (let x = 0; x < count; x++) {
          for (let r = componentStart[x]; r < componentEnd[x]; r++) {
            expect(componentStart[order[r]]).toBe(componentStart[x]);
            expect(componentEnd[order[r]]).toBe(componentEnd[x]);
          }
          if (componentEnd[x] - componentStart[x] > 1) expect(cyclic[x]).toBe(1);
        }
        for (let l = 0; l < graph.linkCount; l++) {
          const x = sourceVariable(graph, l);
          const y = targetVariable(graph, l);
          const inside = cyclic[x] === 1 && componentStart[x] === componentStart[y];
          expect(rank[x] < rank[y] || inside).toBe(true);
        }
        // Levels (one more than the highest supplier outside the component) never decrease along the ranks.
        const level = new Int32Array(count);
        const links = Array.from({ length: graph.linkCount }, (_, l) => [
          sourceVariable(graph, l),
          targetVariable(graph, l),
        ]);
        for (let r = 0; r < count; r = componentEnd[order[r]]) {
          let top = 0;
          for (const [x, y] of links) {
            if (componentStart[y] === r && componentStart[x] !== r) top = Math.max(top, level[x] + 1);
          }
          for (let k = r; k < componentEnd[order[r]]; k++) level[order[k]] = top;
          if (r > 0) expect(top).toBeGreaterThanOrEqual(level[order[r - 1]]);
        }
        // What a sweep visits: every variable in use, once, in rank order.
        const active = activeVariablesOf(graph);
        for (let k = 1; k < active.length; k++) expect(rank[active[k - 1]]).toBeLessThan(rank[active[k]]);
      }),
      { numRuns: 500 },
    );
  });
});
