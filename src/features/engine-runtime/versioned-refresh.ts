/**
 * Keeps a value that is refreshed to graph versions, one refresh at a time,
 * and answers "at least version v" (read-your-writes): with the kept value
 * when it is that new, by joining the refresh in flight only when that one
 * targets v or later, and otherwise by one refresh queued after it, which
 * every caller arriving meanwhile shares and which targets the newest
 * version any of them asked for. A caller therefore never receives a value
 * older than the version it asked for because it joined a refresh started
 * for an older one.
 */
export class VersionedRefresh<T extends { version: number }> {
  private kept: T | null = null;
  private running: { target: number; reload: boolean; promise: Promise<T> } | null = null;
  private queued: Promise<T> | null = null;
  private wanted = -1;
  private reloadWanted = false;

  constructor(private readonly refresh: (target: number, reload: boolean) => Promise<T>) {}

  /** The newest value refreshed so far, or null before the first. */
  get value(): T | null {
    return this.kept;
  }

  /** A refresh is running or queued. */
  get busy(): boolean {
    return this.running !== null || this.queued !== null;
  }

  /**
   * A value of at least `version`. With `reload`, a value refreshed from
   * scratch after this call, whatever the version kept (the graph's version
   * went back: another database).
   */
  atLeast(version: number, reload = false): Promise<T> {
    if (!reload && this.kept !== null && this.kept.version >= version) return Promise.resolve(this.kept);
    if (!reload && this.running !== null && this.running.target >= version) return this.running.promise;
    this.wanted = Math.max(this.wanted, version);
    this.reloadWanted ||= reload;
    this.queued ??= (this.running?.promise ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        const target = this.wanted;
        const fresh = this.reloadWanted;
        this.wanted = -1;
        this.reloadWanted = false;
        return this.start(target, fresh);
      });
    return this.queued;
  }

  private start(target: number, reload: boolean): Promise<T> {
    if (!reload && this.kept !== null && this.kept.version >= target) return Promise.resolve(this.kept);
    const promise = this.refresh(target, reload).then((value) => {
      if (this.kept === null || reload || value.version >= this.kept.version) this.kept = value;
      return value;
    });
    const running = { target, reload, promise };
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = null;
    };
    promise.then(clear, clear);
    return promise;
  }
}
