/**
 * A list of integers in one growing Int32Array, cleared by resetting its
 * length: the propagation's per-run lists (touched enterprises, failed
 * links) hold hundreds of thousands of entries on a large scenario, and
 * growing a fresh JS array for each run cost time and garbage collection.
 */
export class IntList implements Iterable<number> {
  private items: Int32Array;
  length = 0;

  constructor(capacity = 64) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(2 * this.items.length);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  at(k: number): number {
    return this.items[k];
  }

  clear(): void {
    this.length = 0;
  }

  /** The entries, as a view valid until the next push or clear. */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }

  [Symbol.iterator](): Iterator<number> {
    return this.view()[Symbol.iterator]();
  }
}
