/**
 * Typed arrays over SharedArrayBuffer: a graph built from them can be handed
 * to worker threads (postMessage) without copying, and every thread reads
 * the same memory. Element access is as fast as on an ordinary ArrayBuffer.
 * The engine never writes to a graph's arrays after building them.
 */
export type ShareableArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * length));
}

export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(4 * length));
}

export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}

/** A shared copy of the first `length` elements (all by default). */
export function shareCopy<T extends ShareableArray>(array: T, length = array.length): T {
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(array.BYTES_PER_ELEMENT * length));
  copy.set(length === array.length ? array : array.subarray(0, length));
  return copy;
}

/** The array itself when it already lives in shared memory, else a shared copy. */
export function shared<T extends ShareableArray>(array: T): T {
  return array.buffer instanceof SharedArrayBuffer ? array : shareCopy(array);
}

/**
 * Bytes held by the buffers under these typed arrays, for memory reports:
 * each buffer counted once (views share them) and whole (spare room included).
 */
export function byteSize(arrays: Iterable<unknown>, seen = new Set<ArrayBufferLike>()): number {
  let total = 0;
  for (const array of arrays) {
    if (!ArrayBuffer.isView(array) || seen.has(array.buffer)) continue;
    seen.add(array.buffer);
    total += array.buffer.byteLength;
  }
  return total;
}

/** How many elements of each growable buffer some array already uses: the rest is free to append into. */
const committed = new WeakMap<ArrayBufferLike, number>();

/**
 * `old` grown to `length` elements, its first old.length elements kept:
 * when its buffer has room and nothing else has appended into it yet, a
 * longer view of the same memory (no copy, and `old` itself sees no
 * change); otherwise a copy with room to grow (1/8 more). The caller writes
 * the new elements. Only for arrays that are never written below their
 * length, as the engine's are.
 */
export function grown<T extends ShareableArray>(old: T, length: number): T {
  const Kind = old.constructor as new (buffer: SharedArrayBuffer, offset?: number, length?: number) => T;
  const buffer = old.buffer;
  const room = buffer.byteLength / old.BYTES_PER_ELEMENT;
  const used = committed.get(buffer) ?? old.length;
  if (buffer instanceof SharedArrayBuffer && old.byteOffset === 0 && length <= room && used === old.length) {
    committed.set(buffer, length);
    return new Kind(buffer, 0, length);
  }
  const capacity = length + (length >>> 3) + 64;
  const copy = new Kind(new SharedArrayBuffer(old.BYTES_PER_ELEMENT * capacity), 0, length);
  copy.set(old);
  committed.set(copy.buffer, length);
  return copy;
}
