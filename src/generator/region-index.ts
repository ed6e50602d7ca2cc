/**
 * Enterprise indices grouped by key (a product code) and region, stored flat
 * in typed arrays: a million enterprises cost a few megabytes instead of
 * millions of small JS arrays. Items of one key are contiguous across all
 * regions, so "any region" is a single range too.
 */
export interface RegionIndex {
  keyCount: number;
  regionCount: number;
  /** `offsets[key * regionCount + region]` starts that group; length keys*regions+1. */
  offsets: Int32Array;
  items: Int32Array;
}

/**
 * Builds a {@link RegionIndex} in two passes over the enterprises: `keysOf`
 * calls `add(key)` for every key enterprise `i` belongs to (none, one or more).
 */
export function buildRegionIndex(
  keyCount: number,
  regionCount: number,
  count: number,
  regionOf: (i: number) => number,
  keysOf: (i: number, add: (key: number) => void) => void,
): RegionIndex {
  const groups = keyCount * regionCount;
  const counts = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) {
    const r = regionOf(i);
    keysOf(i, (key) => {
      counts[key * regionCount + r + 1]++;
    });
  }
  for (let g = 0; g < groups; g++) counts[g + 1] += counts[g];
  const offsets = counts.slice();
  const cursor = counts.slice(0, groups);
  const items = new Int32Array(offsets[groups]);
  for (let i = 0; i < count; i++) {
    const r = regionOf(i);
    keysOf(i, (key) => {
      items[cursor[key * regionCount + r]++] = i;
    });
  }
  return { keyCount, regionCount, offsets, items };
}

/** The `[start, end)` range of items for a key in one region, or in all regions when `region` is -1. */
export function regionIndexRange(index: RegionIndex, key: number, region: number): [number, number] {
  const base = key * index.regionCount;
  if (region < 0) return [index.offsets[base], index.offsets[base + index.regionCount]];
  return [index.offsets[base + region], index.offsets[base + region + 1]];
}
