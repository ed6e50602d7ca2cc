/**
 * The fraction worklist: a set of ranks as one bit each, popped lowest
 * first. Customers rank after their suppliers, so a pass only ever queues
 * ranks at or after the one it is working on; the scan for the next rank
 * then moves forward only, and a whole evaluation costs one pass over
 * ranks / 32 words plus O(1) per push and pop, without the log factor and
 * the scattered reads of a heap. Reused across evaluations: it is empty
 * whenever a pass has finished.
 */
export class RankQueue {
  private readonly bits: Uint32Array;
  /** Every set bit is in a word at or after this one. */
  private word = 0;
  private count = 0;

  constructor(capacity: number) {
    this.bits = new Uint32Array((capacity >>> 5) + 1);
  }

  get size(): number {
    return this.count;
  }

  /** Empties the queue, also after a pass that was interrupted. */
  clear(): void {
    if (this.count > 0) this.bits.fill(0);
    this.count = 0;
    this.word = 0;
  }

  has(rank: number): boolean {
    return (this.bits[rank >>> 5] & (1 << (rank & 31))) !== 0;
  }

  /** Adds the rank; false when it was queued already. */
  push(rank: number): boolean {
    const w = rank >>> 5;
    const bit = 1 << (rank & 31);
    if ((this.bits[w] & bit) !== 0) return false;
    this.bits[w] |= bit;
    if (w < this.word) this.word = w;
    this.count++;
    return true;
  }

  /** The lowest queued rank, or -1 when empty. */
  peek(): number {
    if (this.count === 0) return -1;
    const bits = this.bits;
    let w = this.word;
    while (bits[w] === 0) w++;
    this.word = w;
    const word = bits[w];
    return (w << 5) + 31 - Math.clz32(word & -word);
  }

  /** Removes a queued rank. */
  remove(rank: number): void {
    const w = rank >>> 5;
    const bit = 1 << (rank & 31);
    if ((this.bits[w] & bit) === 0) return;
    this.bits[w] &= ~bit;
    this.count--;
  }
}
