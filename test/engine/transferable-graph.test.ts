import fc from 'fast-check';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  SupplyGraph,
  evaluateScenario,
  prepareGraph,
  rankCriticalEnterprises,
  type TransferableSupplyGraph,
} from '../../src/engine';
import { arbitraryGraph, arbitraryScenario } from './random-graphs';

/** Posts a value through a message port, as a worker thread would receive it. */
function post<T>(value: T): Promise<T> {
  const { port1, port2 }: { port1: MessagePort; port2: MessagePort } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (received: T) => {
      port1.close();
      port2.close();
      resolve(received);
    });
    port1.postMessage(value);
  });
}

function typedArrays(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(typedArrays);
}

describe('a graph handed to another thread', () => {
  it('travels as shared memory: every array of the transferable form is a SharedArrayBuffer view', () => {
    const [input] = fc.sample(arbitraryGraph(10, 20), { numRuns: 1, seed: 42 });
    const shared = prepareGraph(SupplyGraph.build(input), { lossBounds: true }).toTransferable();
    const arrays = typedArrays(shared);
    expect(arrays.length).toBeGreaterThan(40);
    for (const array of arrays) expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
    // The derived structures go along, so the receiving thread does not compute them again.
    expect(Object.keys(shared.memo).sort()).toEqual(
      expect.arrayContaining(['baseline:all-operating', 'baseline:current-state', 'id-order', 'variable-order']),
    );
  });

  it('rebuilt from its posted form, gives the same answers as the original', async () => {
    const cases = fc.sample(
      arbitraryGraph(10, 22).chain((input) =>
        fc.tuple(fc.constant(input), fc.array(arbitraryScenario(input), { minLength: 1, maxLength: 3 })),
      ),
      { numRuns: 60, seed: 7 },
    );
    for (const [input, scenarios] of cases) {
      const original = SupplyGraph.build(input);
      prepareGraph(original);
      const received = await post<TransferableSupplyGraph>(original.toTransferable());
      const copy = SupplyGraph.fromTransferable(received);
      // Same memory, not a copy.
      expect(received.index.outLinks.buffer).toBeInstanceOf(SharedArrayBuffer);
      for (const e of input.enterprises) expect(copy.nodeIndex(e.id)).toBe(original.nodeIndex(e.id));
      for (const l of input.links) expect(copy.linkIndex(l.id)).toBe(original.linkIndex(l.id));
      for (const scenario of scenarios) {
        expect(evaluateScenario(copy, scenario).affected).toEqual(evaluateScenario(original, scenario).affected);
      }
      const options = { top: 5, measure: 'LOST_OUTPUT' as const, includeCurrentState: true };
      expect(rankCriticalEnterprises(copy, options)).toEqual(rankCriticalEnterprises(original, options));
    }
  });
});
