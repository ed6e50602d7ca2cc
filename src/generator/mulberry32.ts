/**
 * A seeded pseudo-random number generator (mulberry32). The synthetic graph
 * must be identical for a given seed on every machine and Node version, which
 * `Math.random` cannot promise; 32-bit state is plenty for test data and fast
 * enough for millions of draws.
 *
 * @returns a function yielding floats uniformly distributed in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
