import { afterEach, describe, expect, inject, it } from 'vitest';
import { SupplyGraph } from '../../src/engine';
import { JobStopped, WorkerPool } from '../../src/features/engine-runtime/worker-pool';

const graph = SupplyGraph.build({
  enterprises: [
    { id: 'a', kind: 'FIBER', region: 'r', park: null, status: 'OPERATING', capacityRecovery: 1, dailyCapacity: 1 },
    { id: 'b', kind: 'WEAVING', region: 'r', park: null, status: 'OPERATING', capacityRecovery: 1, dailyCapacity: 1 },
  ],
  links: [{ id: 'l', from: 'a', to: 'b', product: 'yarn', mode: 'ROAD', volume: 1, status: 'OPEN', inventoryDays: 0 }],
});

let pool: WorkerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** A chain of 20,000 enterprises: its scratch space is megabytes. */
const chain = SupplyGraph.build({
  enterprises: Array.from({ length: 20_000 }, (_, i) => ({
    id: `e${i}`,
    kind: 'WEAVING' as const,
    region: 'r',
    park: null,
    status: 'OPERATING' as const,
    capacityRecovery: 1,
    dailyCapacity: 1,
  })),
  links: Array.from({ length: 19_999 }, (_, i) => ({
    id: `l${i}`,
    from: `e${i}`,
    to: `e${i + 1}`,
    product: 'yarn',
    mode: 'ROAD' as const,
    volume: 1,
    status: 'OPEN' as const,
    inventoryDays: 0,
  })),
});

/** A pool of the test worker script (the service's jobs, `spin` and the memory jobs), holding the small graph above. */
function startPool(size: number, options: { graph?: SupplyGraph; scratchIdleMs?: number } = {}): WorkerPool {
  const held = options.graph ?? graph;
  pool = new WorkerPool({
    script: inject('testEngineWorkerScript'),
    size,
    currentGraph: () => ({ version: 1, graph: held.toTransferable() }),
    scratchIdleMs: options.scratchIdleMs,
  });
  return pool;
}

/** A job for submit(), due in 30 s unless told otherwise. */
const job = (
  name: string,
  args: unknown = {},
  lane: 'short' | 'long' = 'short',
  deadline = performance.now() + 30_000,
  signal?: AbortSignal,
) => ({ name, args, lane, deadline, signal });

const spin = (ms: number, lane: 'short' | 'long', deadline?: number, signal?: AbortSignal) =>
  job('spin', { ms, lane }, lane, deadline, signal);

describe('the engine worker pool', () => {
  it('runs a job on the graph it holds, off the event loop', async () => {
    const workers = startPool(1);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 10);
    const done = await workers.submit(spin(400, 'long'));
    clearInterval(ticking);
    expect(done.version).toBe(1);
    expect(done.result).toMatchObject({ enterprises: 2 });
    // The event loop kept turning while the job ran.
    expect(ticks).toBeGreaterThan(10);
  });

  it('keeps one worker for short jobs: a short job never waits behind long ones', async () => {
    const workers = startPool(2);
    const finished: string[] = [];
    const long = [1, 2].map((n) => workers.submit(spin(3_000, 'long')).then(() => finished.push(`long ${n}`)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers.stats()).toMatchObject({ busy: 1, queued: { short: 0, long: 1 } });
    // By order, not by time (the machine may be loaded): the short job is done before either long one.
    await workers.submit(spin(10, 'short')).then(() => finished.push('short'));
    await Promise.all(long);
    expect(finished).toEqual(['short', 'long 1', 'long 2']);
  });

  it('stops a job past its deadline, replaces its worker, and runs the next job', async () => {
    const workers = startPool(1);
    const started = performance.now();
    await expect(workers.submit(spin(20_000, 'long', performance.now() + 300))).rejects.toEqual(
      new JobStopped('timeout'),
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await workers.submit(spin(1, 'short'))).result).toMatchObject({ enterprises: 2 });
    expect(workers.stats().workers).toBe(1);
  });

  it('stops a job whose caller went away, queued or running', async () => {
    const workers = startPool(1);
    const caller = new AbortController();
    const running = workers.submit(spin(20_000, 'long', undefined, caller.signal));
    const queued = workers.submit(spin(20_000, 'short', undefined, caller.signal));
    await new Promise((resolve) => setTimeout(resolve, 200));
    caller.abort();
    await expect(running).rejects.toEqual(new JobStopped('cancelled'));
    await expect(queued).rejects.toEqual(new JobStopped('cancelled'));
    expect(workers.stats()).toMatchObject({ busy: 0, queued: { short: 0, long: 0 } });
    expect((await workers.submit(spin(1, 'short'))).result).toMatchObject({ enterprises: 2 });
  });

  it('gives back the scratch space of a worker that had no job for scratchIdleMs, and makes it again', async () => {
    const workers = startPool(1, { graph: chain, scratchIdleMs: 300 });
    const idleBytes = (await workers.submit(job('arrayBuffers'))).result as number;
    const first = (await workers.submit(job('blockLink', { id: 'l0' }))).result as {
      stalled: number;
      arrayBuffers: number;
    };
    expect(first.stalled).toBe(19_999);
    // The evaluation's records: 64 bytes per enterprise and per product of an enterprise, and more.
    expect(first.arrayBuffers - idleBytes).toBeGreaterThan(2_000_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const released = (await workers.submit(job('arrayBuffers'))).result as number;
    // Most of it: what stays is the graph's derived structures (the variable order, the baseline),
    // which a worker of the service is given by the graph keeper rather than computing them.
    expect(first.arrayBuffers - released).toBeGreaterThan(0.7 * (first.arrayBuffers - idleBytes));
    expect((await workers.submit(job('blockLink', { id: 'l0' }))).result).toMatchObject({ stalled: 19_999 });
  });

  it('fails a job that throws, and keeps serving', async () => {
    const workers = startPool(1);
    const failing = job('impact', { scenario: null, needs: null }, 'short', performance.now() + 10_000);
    await expect(workers.submit(failing)).rejects.toThrow(/engine job impact failed/);
    expect((await workers.submit(spin(1, 'short'))).result).toMatchObject({ enterprises: 2 });
  });
});
