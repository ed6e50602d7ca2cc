/**
 * Derives an independent 32-bit seed from a user seed and a stream number, so
 * that each phase of generation (planning, enterprise attributes, links) has
 * its own random stream: changing how one phase draws numbers then does not
 * shift the output of the others. Uses the murmur3 finaliser for mixing.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
