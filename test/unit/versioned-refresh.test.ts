import { describe, expect, it } from 'vitest';
import { VersionedRefresh } from '../../src/features/engine-runtime/versioned-refresh';

/** A refresh the test finishes by hand, recording what each call was asked for. */
function controlledRefresh() {
  const calls: { target: number; reload: boolean; finish(version: number): void; fail(error: Error): void }[] = [];
  const refresh = new VersionedRefresh<{ version: number }>(
    (target, reload) =>
      new Promise((resolve, reject) =>
        calls.push({ target, reload, finish: (version) => resolve({ version }), fail: reject }),
      ),
  );
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { refresh, calls, settle };
}

describe('read-your-writes: a refresh is never joined by a caller needing a newer version', () => {
  it('a query after a write waits for a refresh that reaches the write, not the one already running', async () => {
    const { refresh, calls, settle } = controlledRefresh();
    const before = refresh.atLeast(1);
    await settle();
    expect(calls.map((c) => c.target)).toEqual([1]);
    // The write committed version 2 while the refresh to 1 was running.
    const afterWrite = refresh.atLeast(2);
    let answered: number | null = null;
    void afterWrite.then((value) => (answered = value.version));
    calls[0].finish(1);
    expect((await before).version).toBe(1);
    await settle();
    expect(answered).toBeNull();
    expect(calls.map((c) => c.target)).toEqual([1, 2]);
    calls[1].finish(2);
    expect((await afterWrite).version).toBe(2);
  });

  it('callers arriving meanwhile share one queued refresh, to the newest version any of them asked for', async () => {
    const { refresh, calls, settle } = controlledRefresh();
    const first = refresh.atLeast(1);
    await settle();
    const waiting = [refresh.atLeast(3), refresh.atLeast(2), refresh.atLeast(4)];
    calls[0].finish(1);
    await first;
    await settle();
    expect(calls.map((c) => c.target)).toEqual([1, 4]);
    calls[1].finish(4);
    expect((await Promise.all(waiting)).map((v) => v.version)).toEqual([4, 4, 4]);
  });

  it('joins the running refresh when it targets the version asked for, and answers from the kept value after', async () => {
    const { refresh, calls, settle } = controlledRefresh();
    const first = refresh.atLeast(5);
    await settle();
    const joined = refresh.atLeast(4);
    calls[0].finish(5);
    expect([(await first).version, (await joined).version]).toEqual([5, 5]);
    expect((await refresh.atLeast(5)).version).toBe(5);
    expect(calls).toHaveLength(1);
  });

  it('fails the callers of a failed refresh, and tries again on the next call', async () => {
    const { refresh, calls, settle } = controlledRefresh();
    const failing = refresh.atLeast(1);
    await settle();
    calls[0].fail(new Error('Neo4j is away'));
    await expect(failing).rejects.toThrow('Neo4j is away');
    const again = refresh.atLeast(1);
    await settle();
    calls[1].finish(1);
    expect((await again).version).toBe(1);
  });

  it('refreshes from scratch when asked to reload, even below the version kept (another database)', async () => {
    const { refresh, calls, settle } = controlledRefresh();
    const first = refresh.atLeast(7);
    await settle();
    calls[0].finish(7);
    await first;
    const reloaded = refresh.atLeast(2, true);
    await settle();
    expect(calls[1]).toMatchObject({ target: 2, reload: true });
    calls[1].finish(2);
    expect((await reloaded).version).toBe(2);
    expect(refresh.value?.version).toBe(2);
  });
});
