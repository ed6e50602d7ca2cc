import { describe, expect, it, vi } from 'vitest';
import type { GraphChange } from '../../src/platform/neo4j/graph-change';
import { GraphChangeFeed } from '../../src/platform/neo4j/graph-change-feed';

/** A graph whose writes are only change records, as writeGraph leaves them. */
function fakeGraph() {
  const changes: GraphChange[] = [];
  let kept = Infinity;
  const reads = { version: 0 };
  const graph = {
    version: async () => {
      reads.version += 1;
      return changes.length;
    },
    since: async (version: number) => changes.filter((c) => c.version > version && c.version > changes.length - kept),
  };
  const write = (id: string) =>
    changes.push({
      version: changes.length + 1,
      at: new Date().toISOString(),
      actor: 'anonymous',
      operation: 'setEnterpriseStatus',
      items: [{ subject: 'ENTERPRISE', id, op: 'STATUS', status: 'STALLED' }],
      listed: true,
      counts: { ENTERPRISE: 1, LINK: 0, SCENARIO: 0, TOKEN: 0 },
    });
  const keepOnly = (count: number) => (kept = count);
  return { graph, write, keepOnly, reads };
}

const ids = (change: GraphChange) => change.items.map((item) => item.id);

describe('the graph change feed', () => {
  it('delivers the changes committed after a listener started, in version order, to every listener', async () => {
    const { graph, write } = fakeGraph();
    write('before');
    const feed = new GraphChangeFeed(graph, { intervalMs: 10 });
    const first = feed.subscribe(ids);
    const second = feed.subscribe((change) => [change.version]);
    await first.started;
    write('a');
    write('b');
    expect(await first.next()).toEqual({ value: 'a', done: false });
    expect(await first.next()).toEqual({ value: 'b', done: false });
    expect(await second.next()).toEqual({ value: 2, done: false });
    expect(await second.next()).toEqual({ value: 3, done: false });
    feed.close();
    expect(await first.next()).toEqual({ value: undefined, done: true });
  });

  it('reads the graph version only while someone listens', async () => {
    const { graph, reads } = fakeGraph();
    const feed = new GraphChangeFeed(graph, { intervalMs: 5 });
    const stream = feed.subscribe(ids);
    await stream.started;
    await vi.waitFor(() => expect(reads.version).toBeGreaterThan(2));
    // Ending a stream while its reader waits ends that read at once.
    const waiting = stream.next();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    await vi.waitFor(() => expect(feed.reading).toBe(false));
    const after = reads.version;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(reads.version).toBe(after);
    expect(feed.listening).toBe(0);
  });

  it('stands for changes no longer kept with one unlisted change, so listeners read the graph again', async () => {
    const { graph, write, keepOnly } = fakeGraph();
    const feed = new GraphChangeFeed(graph, { intervalMs: 50 });
    const stream = feed.subscribe((change) => [{ version: change.version, listed: change.listed, ids: ids(change) }]);
    await stream.started;
    keepOnly(1);
    write('a');
    write('b');
    write('c');
    expect(await stream.next()).toEqual({ value: { version: 2, listed: false, ids: [] }, done: false });
    expect(await stream.next()).toEqual({ value: { version: 3, listed: true, ids: ['c'] }, done: false });
    feed.close();
  });

  it('ends a stream whose selection fails, and goes on for the others', async () => {
    const { graph, write } = fakeGraph();
    const feed = new GraphChangeFeed(graph, { intervalMs: 10 });
    const failing = feed.subscribe(() => {
      throw new Error('lookup failed');
    });
    const healthy = feed.subscribe(ids);
    await healthy.started;
    write('a');
    await expect(failing.next()).rejects.toThrow('lookup failed');
    expect(await healthy.next()).toEqual({ value: 'a', done: false });
    expect(feed.listening).toBe(1);
    feed.close();
  });
});
