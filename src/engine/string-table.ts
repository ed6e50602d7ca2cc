import { grown, sharedInt32, sharedUint32, sharedUint8 } from './shared-arrays';

/** How many strings each hash index holds: another table may append into it only when it holds exactly that table's. */
const hashFill = new WeakMap<ArrayBufferLike, number>();

/** The typed arrays of a StringTable: shareable between threads as they are. */
export interface StringTableData {
  /** The strings' UTF-8 bytes back to back (lone surrogates as 3-byte sequences); may hold bytes of removed strings. */
  bytes: Uint8Array;
  /** String i is bytes[starts[i] .. ends[i] - 1]. */
  starts: Uint32Array;
  ends: Uint32Array;
  /** Open addressing, linear probing: a string's index, EMPTY or REMOVED. Capacity is a power of two. */
  hash: Int32Array;
  /** Slots holding REMOVED. */
  removed: number;
}

const EMPTY = -1;
const REMOVED = -2;

/**
 * Millions of ids as one byte array plus a hash index, instead of one JS
 * string and one Map entry each: about 25 bytes per id instead of about 100,
 * and shareable with worker threads. Strings are decoded on demand.
 *
 * Immutable; `derive` makes a new table that shares nothing it must change.
 * Where a string occurs twice, indexOf finds the first (after derive removed
 * that one, neither: the graph never derives tables with repeated ids).
 */
export class StringTable {
  readonly count: number;
  private readonly bytes: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly hash: Int32Array;
  private readonly removed: number;

  constructor(data: StringTableData) {
    this.bytes = data.bytes;
    this.starts = data.starts;
    this.ends = data.ends;
    this.hash = data.hash;
    this.removed = data.removed;
    this.count = data.starts.length;
  }

  static of(strings: readonly string[]): StringTable {
    const builder = new StringTableBuilder();
    for (const s of strings) builder.add(s);
    return builder.build();
  }

  get data(): StringTableData {
    return { bytes: this.bytes, starts: this.starts, ends: this.ends, hash: this.hash, removed: this.removed };
  }

  get(index: number): string {
    return decode(this.bytes, this.starts[index], this.ends[index]);
  }

  /** Index of the string, or -1. */
  indexOf(s: string): number {
    const length = encode(s);
    const hash = this.hash;
    const mask = hash.length - 1;
    for (let slot = hashBytes(scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const index = hash[slot];
      if (index === EMPTY) return -1;
      if (index >= 0 && index < this.count && this.equalsScratch(index, length)) return index;
    }
  }

  /** The index indexOf finds for string i's value: i itself unless an earlier string is equal. */
  firstIndexOf(i: number): number {
    const hash = this.hash;
    const mask = hash.length - 1;
    for (let slot = hashBytes(this.bytes, this.starts[i], this.ends[i]) & mask; ; slot = (slot + 1) & mask) {
      const index = hash[slot];
      if (index === EMPTY) return -1;
      if (index >= 0 && index < this.count && (index === i || this.equalStrings(index, i))) return index;
    }
  }

  /** Order of strings i and j as JavaScript's < orders them (by UTF-16 code units). */
  compare(i: number, j: number): number {
    const bytes = this.bytes;
    let a = this.starts[i];
    let b = this.starts[j];
    const aEnd = this.ends[i];
    const bEnd = this.ends[j];
    for (; a < aEnd && b < bEnd; a++, b++) {
      const x = bytes[a];
      const y = bytes[b];
      if (x === y) continue;
      // UTF-8 orders by code point; UTF-16 differs only when a 4-byte sequence meets a 3-byte one.
      if (x >= 0xe0 && y >= 0xe0 && x >= 0xf0 !== y >= 0xf0) return compareStrings(this.get(i), this.get(j));
      return x - y;
    }
    return aEnd - a - (bEnd - b);
  }

  /** Bytes held, for memory reports. */
  get byteLength(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.ends.byteLength + this.hash.byteLength;
  }

  /**
   * A new table: the strings whose `remap` entry is >= 0 move to that index
   * (the kept strings' new indices are 0 .. kept - 1, in any order: a
   * deletion keeps their order, a renumbering permutes them), the others are
   * removed, and `added` follow. Without `remap` every string keeps its index.
   */
  derive(remap: Int32Array | null, added: readonly string[]): StringTable {
    if (remap === null) return this.appended(added);
    const kept = remap === null ? this.count : countKept(remap);
    const count = kept + added.length;
    const starts = sharedUint32(count);
    const ends = sharedUint32(count);
    if (remap === null) {
      starts.set(this.starts);
      ends.set(this.ends);
    } else {
      for (let i = 0; i < this.count; i++) {
        const to = remap[i];
        if (to < 0) continue;
        starts[to] = this.starts[i];
        ends[to] = this.ends[i];
      }
    }
    // Bytes are appended; removed strings' bytes stay until they are half of the table.
    let bytes = this.bytes;
    let used = bytes.length;
    let liveBytes = 0;
    for (let i = 0; i < kept; i++) liveBytes += ends[i] - starts[i];
    if (liveBytes * 2 < used) {
      const compacted = sharedUint8(liveBytes + addedBytes(added));
      let at = 0;
      for (let i = 0; i < kept; i++) {
        compacted.set(bytes.subarray(starts[i], ends[i]), at);
        ends[i] = at + ends[i] - starts[i];
        starts[i] = at;
        at = ends[i];
      }
      bytes = compacted;
      used = at;
    } else if (added.length > 0) {
      const grown = sharedUint8(used + addedBytes(added));
      grown.set(bytes);
      bytes = grown;
    }
    for (let k = 0; k < added.length; k++) {
      const length = encode(added[k]);
      bytes.set(scratch.subarray(0, length), used);
      starts[kept + k] = used;
      ends[kept + k] = used + length;
      used += length;
    }
    const table = new StringTable({ bytes, starts, ends, hash: this.hash, removed: this.removed });
    return table.withHash(remap, kept);
  }

  /**
   * This table with strings appended: into spare room after the old bytes and
   * entries, and into the same hash index while it is less than half full,
   * when no other table has appended there (this table still sees exactly
   * its own strings: it ignores indices past its count).
   */
  private appended(added: readonly string[]): StringTable {
    // The bytes in use end where this table's view ends (removed strings' bytes included).
    let used = this.bytes.length;
    const bytes = grown(this.bytes, used + addedBytes(added));
    const count = this.count + added.length;
    const starts = grown(this.starts, count);
    const ends = grown(this.ends, count);
    for (let k = 0; k < added.length; k++) {
      const length = encode(added[k]);
      bytes.set(scratch.subarray(0, length), used);
      starts[this.count + k] = used;
      ends[this.count + k] = used + length;
      used += length;
    }
    let hash = this.hash;
    let removed = this.removed;
    let fresh = false;
    if ((count + removed) * 2 > hash.length) {
      hash = emptyHash(count);
      removed = 0;
      fresh = true;
    } else if ((hashFill.get(hash.buffer) ?? this.count) !== this.count) {
      // Another table appended into this index: a copy, without its strings (tombstones keep probe chains).
      hash = sharedInt32(this.hash.length);
      hash.set(this.hash);
      for (let slot = 0; slot < hash.length; slot++) {
        if (hash[slot] >= this.count) {
          hash[slot] = REMOVED;
          removed++;
        }
      }
    }
    const table = new StringTable({ bytes, starts, ends, hash, removed });
    if (fresh) table.insertAll();
    else for (let i = this.count; i < count; i++) table.insert(hash, i);
    hashFill.set(hash.buffer, count);
    return table;
  }

  /** This table with its hash index brought up to date after derive(). */
  private withHash(remap: Int32Array | null, kept: number): StringTable {
    const old = this.hash;
    let removed = this.removed;
    let hash: Int32Array;
    const full = (this.count + removed) * 2 > old.length;
    if (full) {
      hash = emptyHash(this.count);
      removed = 0;
      for (let i = 0; i < this.count; i++) this.insert(hash, i);
    } else {
      hash = sharedInt32(old.length);
      hash.set(old);
      if (remap !== null) {
        for (let slot = 0; slot < hash.length; slot++) {
          const index = hash[slot];
          if (index < 0) continue;
          const to = remap[index];
          hash[slot] = to >= 0 ? to : REMOVED;
          if (to < 0) removed++;
        }
      }
      for (let i = kept; i < this.count; i++) this.insert(hash, i);
    }
    return new StringTable({ bytes: this.bytes, starts: this.starts, ends: this.ends, hash, removed });
  }

  /** Fills this table's (empty) hash; only while building. */
  insertAll(): void {
    for (let i = 0; i < this.count; i++) this.insert(this.hash, i);
  }

  /** Inserts string i unless an equal string is already there. */
  private insert(hash: Int32Array, i: number): void {
    const mask = hash.length - 1;
    for (let slot = hashBytes(this.bytes, this.starts[i], this.ends[i]) & mask; ; slot = (slot + 1) & mask) {
      const index = hash[slot];
      if (index === EMPTY) {
        hash[slot] = i;
        return;
      }
      if (index >= 0 && (index === i || this.equalStrings(index, i))) return;
    }
  }

  private equalStrings(i: number, j: number): boolean {
    const length = this.ends[i] - this.starts[i];
    if (this.ends[j] - this.starts[j] !== length) return false;
    const bytes = this.bytes;
    for (let a = this.starts[i], b = this.starts[j], end = this.ends[i]; a < end; a++, b++) {
      if (bytes[a] !== bytes[b]) return false;
    }
    return true;
  }

  private equalsScratch(index: number, length: number): boolean {
    const start = this.starts[index];
    if (this.ends[index] - start !== length) return false;
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) if (bytes[start + k] !== scratch[k]) return false;
    return true;
  }
}

/** Appends strings one at a time into growing buffers; build() moves them into shared memory. */
export class StringTableBuilder {
  private bytes = new Uint8Array(1 << 16);
  private starts = new Uint32Array(1 << 10);
  private ends = new Uint32Array(1 << 10);
  private used = 0;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** Appends s and returns its index. */
  add(s: string): number {
    const length = encode(s);
    if (this.used + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.used + length));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(scratch.subarray(0, length), this.used);
    if (this.size === this.starts.length) {
      const starts = new Uint32Array(2 * this.size);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Uint32Array(2 * this.size);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.size] = this.used;
    this.ends[this.size] = this.used + length;
    this.used += length;
    return this.size++;
  }

  build(): StringTable {
    const bytes = sharedUint8(this.used);
    bytes.set(this.bytes.subarray(0, this.used));
    const starts = sharedUint32(this.size);
    starts.set(this.starts.subarray(0, this.size));
    const ends = sharedUint32(this.size);
    ends.set(this.ends.subarray(0, this.size));
    const table = new StringTable({ bytes, starts, ends, hash: emptyHash(this.size), removed: 0 });
    table.insertAll();
    hashFill.set(table.data.hash.buffer, table.count);
    return table;
  }
}

function emptyHash(count: number): Int32Array {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  const hash = sharedInt32(capacity);
  hash.fill(EMPTY);
  return hash;
}

function countKept(remap: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < remap.length; i++) if (remap[i] >= 0) kept++;
  return kept;
}

function addedBytes(added: readonly string[]): number {
  let total = 0;
  for (const s of added) total += encode(s);
  return total;
}

/** Encoding buffer, reused: encode() writes the string's bytes here and returns their count. */
let scratch = new Uint8Array(256);

function encode(s: string): number {
  if (scratch.length < 3 * s.length) scratch = new Uint8Array(3 * s.length + 16);
  const out = scratch;
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[at++] = c;
      continue;
    }
    if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
        out[at++] = 0xf0 | (c >> 18);
        out[at++] = 0x80 | ((c >> 12) & 0x3f);
        out[at++] = 0x80 | ((c >> 6) & 0x3f);
        out[at++] = 0x80 | (c & 0x3f);
        continue;
      }
    }
    out[at++] = 0xe0 | (c >> 12);
    out[at++] = 0x80 | ((c >> 6) & 0x3f);
    out[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

function decode(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let k = start; k < end; k++) {
    if (bytes[k] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && end - start <= 4096) return String.fromCharCode.apply(null, bytes.subarray(start, end) as never);
  let s = '';
  for (let k = start; k < end;) {
    const b = bytes[k];
    let c: number;
    if (b < 0x80) {
      c = b;
      k += 1;
    } else if (b < 0xe0) {
      c = ((b & 0x1f) << 6) | (bytes[k + 1] & 0x3f);
      k += 2;
    } else if (b < 0xf0) {
      c = ((b & 0x0f) << 12) | ((bytes[k + 1] & 0x3f) << 6) | (bytes[k + 2] & 0x3f);
      k += 3;
    } else {
      c = ((b & 0x07) << 18) | ((bytes[k + 1] & 0x3f) << 12) | ((bytes[k + 2] & 0x3f) << 6) | (bytes[k + 3] & 0x3f);
      k += 4;
    }
    s += String.fromCodePoint(c);
  }
  return s;
}

/** FNV-1a over bytes[start .. end - 1]. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
