import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SupplyGraph, evaluateScenario, prepareGraph, rankCriticalLinks } from '../../src/engine';
import { EngineSnapshotFile } from '../../src/features/engine-runtime/engine-snapshot-file';
import { arbitraryGraph, arbitraryScenario } from '../engine/random-graphs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-snapshot-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const [sample] = fc.sample(arbitraryGraph(10, 20), { numRuns: 1, seed: 3 });
const prepared = () => prepareGraph(SupplyGraph.build(sample), { lossBounds: true });

describe('the engine snapshot file', () => {
  it('gives back a graph that answers like the one saved, in shared memory, with its derived structures', async () => {
    const cases = fc.sample(
      arbitraryGraph(10, 22).chain((input) =>
        fc.tuple(fc.constant(input), fc.array(arbitraryScenario(input), { minLength: 1, maxLength: 3 })),
      ),
      { numRuns: 30, seed: 11 },
    );
    const file = new EngineSnapshotFile(path.join(dir, 'round-trip.bin'), 'code-a');
    for (const [input, scenarios] of cases) {
      const original = prepareGraph(SupplyGraph.build(input), { lossBounds: true });
      await file.save({ graphId: 'db-1', version: 7 }, original.toTransferable());
      const found = await file.load('db-1', 7);
      expect(found?.version).toBe(7);
      const copy = SupplyGraph.fromTransferable(found!.graph);
      expect(found!.graph.index.outLinks.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Object.keys(found!.graph.memo).sort()).toEqual(Object.keys(original.toTransferable().memo).sort());
      for (const e of input.enterprises) expect(copy.nodeIndex(e.id)).toBe(original.nodeIndex(e.id));
      for (const scenario of scenarios) {
        expect(evaluateScenario(copy, scenario).affected).toEqual(evaluateScenario(original, scenario).affected);
      }
      const options = { top: 5, measure: 'LOST_OUTPUT' as const, includeCurrentState: true };
      expect(rankCriticalLinks(copy, options)).toEqual(rankCriticalLinks(original, options));
    }
  });

  it('is taken only for the same database, at a version no newer than the database, written by the same code', async () => {
    const target = path.join(dir, 'identity.bin');
    await new EngineSnapshotFile(target, 'code-a').save({ graphId: 'db-1', version: 5 }, prepared().toTransferable());
    const same = new EngineSnapshotFile(target, 'code-a');
    expect((await same.load('db-1', 5))?.version).toBe(5);
    expect((await same.load('db-1', 9))?.version).toBe(5);
    expect(await same.load('db-2', 5)).toBeNull();
    // The database is behind the snapshot: replaced or restored, so the snapshot says nothing about it.
    expect(await same.load('db-1', 4)).toBeNull();
    expect(await new EngineSnapshotFile(target, 'code-b').load('db-1', 5)).toBeNull();
  });

  it('is absent when there is no file, and refused when the file is damaged', async () => {
    expect(await new EngineSnapshotFile(path.join(dir, 'missing.bin'), 'code-a').load('db-1', 1)).toBeNull();
    const target = path.join(dir, 'damaged.bin');
    const file = new EngineSnapshotFile(target, 'code-a');
    await file.save({ graphId: 'db-1', version: 1 }, prepared().toTransferable());
    fs.truncateSync(target, fs.statSync(target).size - 16);
    await expect(file.load('db-1', 1)).rejects.toThrow(/damaged|ended early/);
    fs.writeFileSync(target, 'not a snapshot at all');
    await expect(file.load('db-1', 1)).rejects.toThrow(/not an engine snapshot/);
  });

  it('replaces the previous snapshot whole, leaving no temporary file behind', async () => {
    const target = path.join(dir, 'replace.bin');
    const file = new EngineSnapshotFile(target, 'code-a');
    await file.save({ graphId: 'db-1', version: 1 }, prepared().toTransferable());
    await file.save({ graphId: 'db-1', version: 2 }, prepared().toTransferable());
    expect((await file.load('db-1', 2))?.version).toBe(2);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('replace.bin'))).toEqual(['replace.bin']);
    // It holds the whole graph: the service's user alone may read it.
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });
});
