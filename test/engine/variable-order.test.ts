import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupplyGraph } from '../../src/engine';
import { BATCH_LINKS, inLinkColumnsOf } from '../../src/engine/in-link-columns';
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

  it('lays each variable’s inbound links out in visiting order, in batches of variables that do not supply each other', () => {
    fc.assert(
      fc.property(arbitraryGraph(14, 34), (input) => {
        const graph = SupplyGraph.build(input);
        const { cyclic, componentStart } = variableOrderOf(graph);
        const active = activeVariablesOf(graph);
        const activeIndex = new Map(Array.from(active, (x, k) => [x, k]));
        const columns = inLinkColumnsOf(graph);
        const { shareAndDays, source, link, position, portStart, variableStart, batchStart } = columns;
        const batchOf = new Int32Array(active.length);
        for (let b = 0; b + 1 < batchStart.length; b++) {
          for (let k = batchStart[b]; k < batchStart[b + 1]; k++) batchOf[k] = b;
        }
        for (let l = 0; l < graph.linkCount; l++) {
          const p = position[l];
          expect(link[p]).toBe(l);
          expect([shareAndDays[2 * p], shareAndDays[2 * p + 1]]).toEqual([
            graph.linkShare[l],
            graph.linkInventoryDays[l],
          ]);
          expect(source[p]).toBe(activeIndex.get(sourceVariable(graph, l)));
          // Within its customer's range, and its port's, in the port's own order.
          const k = activeIndex.get(targetVariable(graph, l))!;
          expect(p).toBeGreaterThanOrEqual(variableStart[k]);
          expect(p).toBeLessThan(variableStart[k + 1]);
          const q = graph.linkPort[l];
          expect(p - portStart[q]).toBe(graph.portLinks.indexOf(l) - graph.portLinkStart[q]);
          // No supplier in its customer's batch, unless that batch is the cyclic component both belong to.
          const first = active[batchStart[batchOf[k]]];
          if (cyclic[first] === 1) expect(componentStart[active[k]]).toBe(componentStart[first]);
          else expect(source[p]).toBeLessThan(batchStart[batchOf[k]]);
        }
        expect(batchStart[0]).toBe(0);
        expect(batchStart[batchStart.length - 1]).toBe(active.length);
        for (let b = 0; b + 1 < batchStart.length; b++) {
          const from = batchStart[b];
          const to = batchStart[b + 1];
          expect(to).toBeGreaterThan(from);
          if (cyclic[active[from]] === 1) {
            // A cyclic component is a batch of its own, whole.
            for (let k = from; k < to; k++) expect(componentStart[active[k]]).toBe(componentStart[active[from]]);
            if (to < active.length) expect(componentStart[active[to]]).not.toBe(componentStart[active[from]]);
          } else if (to - from > 1) {
            expect(variableStart[to] - variableStart[from]).toBeLessThanOrEqual(BATCH_LINKS);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
