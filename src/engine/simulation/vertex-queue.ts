/**
 * The day's worklist of flow vertices, popped smallest first. Vertices are
 * numbered by rank, so this is a set of small integers: one bit each, and a
 * cursor that only moves back when a smaller vertex is pushed. A day's
 * propagation pushes only vertices above the one being computed, so popping
 * scans each word of the bit set at most once per day. No allocation.
 */
export class VertexQueue {
  private readonly bits: Uint32Array;
  private cursor: number;
  private count = 0;

  constructor(vertexCount: number) {
    this.bits = new Uint32Array((vertexCount >>> 5) + 1);
    this.cursor = this.bits.length;
  }

  get size(): number {
    return this.count;
  }

  /** Adds x; false when it was already queued. */
  push(x: number): boolean {
    const word = x >>> 5;
    const bit = 1 << (x & 31);
    if ((this.bits[word] & bit) !== 0) return false;
    this.bits[word] |= bit;
    this.count++;
    if (word < this.cursor) this.cursor = word;
    return true;
  }

  /** Removes and returns the smallest queued vertex; call only when size > 0. */
  pop(): number {
    const bits = this.bits;
    let word = this.cursor;
    while (bits[word] === 0) word++;
    this.cursor = word;
    const value = bits[word];
    const lowest = value & -value;
    bits[word] = value ^ lowest;
    this.count--;
    return (word << 5) + 31 - Math.clz32(lowest);
  }
}
