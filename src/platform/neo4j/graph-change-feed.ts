import type { GraphChange } from './graph-change';
import type { GraphChangeRepository } from './graph-change.repository';

export interface GraphChangeFeedOptions {
  /** How long between two reads of the graph version while anyone listens. */
  intervalMs: number;
  /** A failed read; the feed tries again at the next interval. */
  onError?: (error: unknown) => void;
}

/** A listener's stream: what it selects of each change, until it returns. */
export interface ChangeStream<T> extends AsyncIterableIterator<T> {
  /** Settles once the feed knows the version it starts from: changes committed after that reach the stream. */
  readonly started: Promise<void>;
  /** Ends the stream, also while a `next` waits. */
  return(): Promise<IteratorResult<T>>;
}

/** Changes a listener may fall behind by before the feed drops it (it reads too slowly). */
export const MAX_QUEUED_CHANGES = 1_000;

/** Stands for changes that were no longer kept when the feed read them: only their last version is known. */
function missedChanges(version: number): GraphChange {
  return {
    version,
    at: new Date().toISOString(),
    actor: 'unknown',
    operation: 'unknown',
    items: [],
    listed: false,
    counts: { ENTERPRISE: 0, LINK: 0, SCENARIO: 0, TOKEN: 0 },
  };
}

/** One listener: the changes not yet read, and the reader waiting for the next one. */
class Listener<T> implements ChangeStream<T> {
  private readonly queue: GraphChange[] = [];
  private readonly selected: T[] = [];
  private waiting: (() => void) | null = null;
  private ended = false;
  private failure: Error | null = null;

  constructor(
    readonly started: Promise<void>,
    private readonly select: (change: GraphChange) => readonly T[] | Promise<readonly T[]>,
    private readonly leave: (listener: Listener<T>) => void,
  ) {}

  push(change: GraphChange): void {
    if (this.ended) return;
    if (this.queue.length >= MAX_QUEUED_CHANGES) {
      this.failure = new Error(`Fell more than ${MAX_QUEUED_CHANGES} changes behind; subscribe again`);
      this.end();
      return;
    }
    this.queue.push(change);
    this.wake();
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      const value = this.selected.shift();
      if (value !== undefined) return { value, done: false };
      const change = this.queue.shift();
      if (change) {
        try {
          this.selected.push(...(await this.select(change)));
        } catch (error) {
          this.end();
          throw error;
        }
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.ended) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Ends at once, also while a `next` waits (an async generator would wait for the next change first). */
  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.selected.length = 0;
    this.leave(this);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }
}

/**
 * The graph's committed changes as they happen, whichever service instance
 * made them: one poller per instance, shared by all its listeners and
 * running only while there are any, reads the graph version every
 * `intervalMs` and, when it moved, the GraphChange records written under
 * the new versions (writeGraph writes them in the same transaction as the
 * change). Nothing is passed in memory, so another instance's writes arrive
 * the same way as this one's.
 */
export class GraphChangeFeed {
  private readonly listeners = new Set<Listener<unknown>>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  /** The last version delivered; null until the poller has read where to start. */
  private version: number | null = null;
  private startedWaiters: (() => void)[] = [];

  constructor(
    private readonly changes: Pick<GraphChangeRepository, 'version' | 'since'>,
    private readonly options: GraphChangeFeedOptions,
  ) {}

  /** How many streams are open. */
  get listening(): number {
    return this.listeners.size;
  }

  /** True while the poller runs and knows the version it delivers from. */
  get reading(): boolean {
    return this.running && this.version !== null;
  }

  /** A stream of what `select` picks from each change committed from now on, oldest first. */
  subscribe<T>(select: (change: GraphChange) => readonly T[] | Promise<readonly T[]>): ChangeStream<T> {
    const started =
      this.version !== null ? Promise.resolve() : new Promise<void>((resolve) => this.startedWaiters.push(resolve));
    const listener = new Listener<T>(started, select, (left) => this.listeners.delete(left as Listener<unknown>));
    this.listeners.add(listener as Listener<unknown>);
    if (!this.running) {
      this.running = true;
      void this.poll();
    }
    return listener;
  }

  /** Ends every stream; the poller stops after its current read. */
  close(): void {
    for (const listener of [...this.listeners]) listener.end();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    try {
      await this.read();
    } catch (error) {
      this.options.onError?.(error);
    }
    if (this.listeners.size === 0) {
      // Idle: the next listener starts from the version of its own time, not from this one.
      this.running = false;
      this.version = null;
      return;
    }
    this.timer = setTimeout(() => void this.poll(), this.options.intervalMs);
    this.timer.unref();
  }

  private async read(): Promise<void> {
    const current = await this.changes.version();
    const last = this.version;
    if (last === null || current < last) {
      // First read, or a graph that was emptied and started again: start from here.
      this.version = current;
      for (const resolve of this.startedWaiters.splice(0)) resolve();
      return;
    }
    if (current === last) return;
    const changes = await this.changes.since(last);
    const first = changes[0]?.version ?? current + 1;
    const delivered = first > last + 1 ? [missedChanges(first - 1), ...changes] : changes;
    for (const change of delivered) {
      for (const listener of this.listeners) listener.push(change);
    }
    this.version = Math.max(current, delivered[delivered.length - 1].version);
  }
}
