import { TRANSPORT_MODES, type TransportMode } from './graph-input';
import type { SupplyGraph } from './supply-graph';

/**
 * A set of links described by what they carry and where they run, e.g.
 * "every road link leaving Fuquan":
 * `{ modes: ['ROAD'], fromRegions: ['Guizhou/Fuquan'], crossRegion: true }`.
 *
 * Fields are ANDed, the values within one field ORed; an absent (or null)
 * field does not narrow. A field given as an empty list matches no link (an OR over
 * nothing), so a filter built from an empty selection never blocks
 * everything. `crossRegion: true` keeps links whose supplier and customer lie
 * in different regions, `false` those within one region.
 */
export interface LinkFilter {
  modes?: readonly TransportMode[] | null;
  products?: readonly string[] | null;
  /** Regions of the supplier (the link's `from`). */
  fromRegions?: readonly string[] | null;
  /** Regions of the customer (the link's `to`). */
  toRegions?: readonly string[] | null;
  crossRegion?: boolean | null;
}

/** Names a filter uses that the graph does not hold. */
export interface UnknownLinkFilterNames {
  modes: string[];
  products: string[];
  /** From fromRegions and toRegions, each name once. */
  regions: string[];
}

/** Names in the filter that the graph does not know; null when all are known. */
export function findUnknownLinkFilterNames(graph: SupplyGraph, filter: LinkFilter): UnknownLinkFilterNames | null {
  const regions = new Set<string>();
  for (const name of [...(filter.fromRegions ?? []), ...(filter.toRegions ?? [])]) {
    if (graph.regionIndex(name) < 0) regions.add(name);
  }
  const unknown: UnknownLinkFilterNames = {
    modes: unique((filter.modes ?? []).filter((mode) => !TRANSPORT_MODES.includes(mode))),
    products: unique((filter.products ?? []).filter((name) => graph.productIndex(name) < 0)),
    regions: [...regions],
  };
  const none = unknown.modes.length === 0 && unknown.products.length === 0 && unknown.regions.length === 0;
  return none ? null : unknown;
}

/**
 * Indices of the links the filter matches, ascending. Unknown names are an
 * error here (callers check with findUnknownLinkFilterNames first).
 */
export function matchLinks(graph: SupplyGraph, filter: LinkFilter): Int32Array {
  const unknown = findUnknownLinkFilterNames(graph, filter);
  if (unknown !== null) {
    const names = [...unknown.modes, ...unknown.products, ...unknown.regions];
    throw new Error(`Link filter names unknown modes, products or regions: ${names.join(', ')}`);
  }
  const products = flagsOf(filter.products, graph.productCount, (name) => graph.productIndex(name));
  const fromRegions = flagsOf(filter.fromRegions, graph.regionCount, (name) => graph.regionIndex(name));
  const toRegions = flagsOf(filter.toRegions, graph.regionCount, (name) => graph.regionIndex(name));
  const crossRegion = filter.crossRegion ?? null;
  const region = graph.nodeRegion;
  const matches = (l: number): boolean => {
    if (products !== null && products[graph.linkProduct[l]] === 0) return false;
    const from = region[graph.linkFrom[l]];
    const to = region[graph.linkTo[l]];
    if (fromRegions !== null && fromRegions[from] === 0) return false;
    if (toRegions !== null && toRegions[to] === 0) return false;
    return crossRegion === null || crossRegion === (from !== to);
  };

  const modes = filter.modes ?? null;
  const found: number[] = [];
  if (modes === null) {
    for (let l = 0; l < graph.linkCount; l++) if (matches(l)) found.push(l);
  } else {
    // Links of one mode are listed in index order; several modes are merged by the final sort.
    for (const mode of new Set(modes)) {
      const m = TRANSPORT_MODES.indexOf(mode);
      for (let i = graph.modeLinkStart[m]; i < graph.modeLinkStart[m + 1]; i++) {
        if (matches(graph.modeLinks[i])) found.push(graph.modeLinks[i]);
      }
    }
  }
  const result = Int32Array.from(found);
  return modes !== null && new Set(modes).size > 1 ? result.sort() : result;
}

/**
 * One string per distinct filter: filters naming the same values (in any
 * order, with repeats) get the same key, so an unblock can name the filter a
 * block used.
 */
export function linkFilterKey(filter: LinkFilter): string {
  const sorted = (values: readonly string[] | null | undefined) => (values == null ? null : unique(values).sort());
  return JSON.stringify([
    sorted(filter.modes),
    sorted(filter.products),
    sorted(filter.fromRegions),
    sorted(filter.toRegions),
    filter.crossRegion ?? null,
  ]);
}

/** A flag per index for the named values, or null when the field is absent (no narrowing). */
function flagsOf(
  names: readonly string[] | null | undefined,
  count: number,
  indexOf: (name: string) => number,
): Uint8Array | null {
  if (names === null || names === undefined) return null;
  const flags = new Uint8Array(count);
  for (const name of names) flags[indexOf(name)] = 1;
  return flags;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
