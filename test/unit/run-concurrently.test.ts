import { describe, expect, it } from 'vitest';
import { runConcurrently } from '../../src/features/import/run-concurrently';

/** A promise and the function that settles it, to hold a piece of work open. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runConcurrently', () => {
  it('starts the items in order, never more than the limit at once', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await runConcurrently([1, 2, 3, 4, 5, 6, 7], 2, async (item) => {
      started.push(item);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      running -= 1;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, and rejects with it only once the running item has settled', async () => {
    const slow = gate();
    const started: number[] = [];
    let slowSettled = false;
    const run = runConcurrently([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) {
        await slow.opened;
        slowSettled = true;
      }
      if (item === 2) throw new Error('batch 2 failed');
    });
    let rejected = false;
    run.catch(() => (rejected = true));
    await tick();
    expect(rejected).toBe(false);
    slow.open();
    await expect(run).rejects.toThrow('batch 2 failed');
    expect(slowSettled).toBe(true);
    expect(started).toEqual([1, 2]);
  });
});
