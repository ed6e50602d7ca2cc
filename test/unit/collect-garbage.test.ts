import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/features/engine-runtime/collect-garbage';

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

describe('an idle thread gives back what it no longer holds when asked', () => {
  it('collectGarbage frees an array buffer nothing refers to, with or without --expose-gc', async () => {
    const ref = (() => new WeakRef(new ArrayBuffer(16 * 2 ** 20)))();
    // A WeakRef's target is kept until the task that made it ends.
    await nextTask();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves what is still referred to alone', async () => {
    const kept = new Float64Array(1024).fill(7);
    const ref = new WeakRef(kept);
    await nextTask();
    collectGarbage();
    expect(ref.deref()?.[1023]).toBe(7);
  });
});
