import { deriveSeed } from './derive-seed';
import { GENERATION_REGIONS } from './generation-regions';
import { KIND_SHARES, MARKET_PRODUCTS, P, PRODUCTS, TRADE_PRODUCTS } from './generation-products';
import { mulberry32 } from './mulberry32';
import { buildRegionIndex, type RegionIndex } from './region-index';
import { assertSupplyGraphOptions, type SupplyGraphOptions } from './supply-graph-options';

/** Marks a pass-through enterprise in {@link SupplyGraphPlan.output}. */
export const NO_OUTPUT = 255;

/** Logistics node modes, by code in {@link SupplyGraphPlan.logisticsMode}. */
export const LOGISTICS_MODES = ['ROAD', 'RAIL', 'WATER'] as const;

/**
 * The skeleton of a synthetic graph: per enterprise its kind, region and
 * products, in typed arrays, plus indexes of who supplies what where. It is
 * everything the link pass needs, so enterprises and links can then be
 * streamed one at a time without holding records in memory.
 */
export interface SupplyGraphPlan {
  count: number;
  seed: number;
  regionCount: number;
  /** Index into KIND_SHARES. */
  kind: Uint8Array;
  region: Uint16Array;
  /** Product code a producer makes, or NO_OUTPUT for pass-through kinds. */
  output: Uint8Array;
  /** Bit mask of product codes handled by a MARKET or FOREIGN_TRADE enterprise. */
  handled: Uint16Array;
  /** Index into LOGISTICS_MODES for LOGISTICS enterprises. */
  logisticsMode: Uint8Array;
  /** Producers by output product and region. */
  producers: RegionIndex;
  /** Markets by handled product and region. */
  markets: RegionIndex;
  /** Logistics nodes by region (single key 0). */
  logistics: RegionIndex;
}

/** Kind index of each KIND_SHARES entry, looked up by name. */
export const KIND_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  KIND_SHARES.map((entry, i) => [entry.kind, i]),
);

/**
 * The first enterprises of every graph form one complete chain (materials,
 * chemicals, fibre, weaving, dyeing, market, garment, trade, port, ...), so
 * even a ten-enterprise graph has a meaningful path from raw material to export.
 */
const CHAIN_PREFIX: readonly [string, number][] = [
  ['RAW_MATERIAL', P.PTA],
  ['RAW_MATERIAL', P.MEG],
  ['CHEMICAL', P.DYESTUFF],
  ['FIBER', P.POLYESTER_YARN],
  ['WEAVING', P.GREY_FABRIC],
  ['PRINTING_DYEING', P.DYED_FABRIC],
  ['MARKET', NO_OUTPUT],
  ['GARMENT', P.GARMENTS],
  ['FOREIGN_TRADE', NO_OUTPUT],
  ['LOGISTICS', NO_OUTPUT],
  ['CHEMICAL', P.AUXILIARIES],
  ['OTHER', P.STEAM],
];

/** Number of regions used for a graph of `count` enterprises: 1 for tiny graphs, up to 24. */
export function regionCountFor(count: number): number {
  return Math.max(1, Math.min(GENERATION_REGIONS.length, Math.floor(Math.sqrt(count) / 2)));
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i];
  for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

function pickCumulative(table: Float64Array, r: number): number {
  for (let i = 0; i < table.length; i++) if (r < table[i]) return i;
  return table.length - 1;
}

function pickMask(products: readonly number[], min: number, max: number, random: () => number): number {
  const want = min + Math.floor(random() * (max - min + 1));
  let mask = 0;
  let picked = 0;
  while (picked < want) {
    const p = products[Math.floor(random() * products.length)];
    if ((mask & (1 << p)) === 0) {
      mask |= 1 << p;
      picked++;
    }
  }
  return mask;
}

/** Plans a synthetic graph: assigns kinds, regions and products and indexes suppliers. */
export function planSupplyGraph(options: SupplyGraphOptions): SupplyGraphPlan {
  assertSupplyGraphOptions(options);
  const count = options.enterprises;
  const seed = options.seed;
  const random = mulberry32(deriveSeed(seed, 1));
  const regionCount = regionCountFor(count);
  // Region sizes are skewed: a few big clusters, a long tail of small ones.
  const regionTable = cumulative(Array.from({ length: regionCount }, (_, r) => 1 / Math.pow(r + 1, 0.7)));
  const kindTable = cumulative(KIND_SHARES.map((entry) => entry.share));
  const outputTables = KIND_SHARES.map((entry) => cumulative(entry.outputs.map(([, w]) => w)));

  const kind = new Uint8Array(count);
  const region = new Uint16Array(count);
  const output = new Uint8Array(count);
  const handled = new Uint16Array(count);
  const logisticsMode = new Uint8Array(count);

  for (let i = 0; i < count; i++) {
    const r = random();
    region[i] = i < CHAIN_PREFIX.length ? 0 : pickCumulative(regionTable, r);
    let k: number;
    let out: number;
    if (i < CHAIN_PREFIX.length) {
      k = KIND_INDEX[CHAIN_PREFIX[i][0]];
      out = CHAIN_PREFIX[i][1];
    } else {
      k = pickCumulative(kindTable, random());
      const outputs = KIND_SHARES[k].outputs;
      out = outputs.length === 0 ? NO_OUTPUT : outputs[pickCumulative(outputTables[k], random())][0];
    }
    kind[i] = k;
    output[i] = out;
    const kindName = KIND_SHARES[k].kind;
    if (kindName === 'MARKET') {
      handled[i] =
        i < CHAIN_PREFIX.length ? (1 << P.DYED_FABRIC) | (1 << P.GARMENTS) : pickMask(MARKET_PRODUCTS, 2, 3, random);
    } else if (kindName === 'FOREIGN_TRADE') {
      handled[i] =
        i < CHAIN_PREFIX.length ? (1 << P.GARMENTS) | (1 << P.DYED_FABRIC) : pickMask(TRADE_PRODUCTS, 1, 3, random);
    } else if (kindName === 'LOGISTICS') {
      const m = random();
      logisticsMode[i] = i < CHAIN_PREFIX.length ? 2 : m < 0.35 ? 0 : m < 0.6 ? 1 : 2;
    }
  }

  const regionOf = (i: number): number => region[i];
  const producers = buildRegionIndex(PRODUCTS.length, regionCount, count, regionOf, (i, add) => {
    if (output[i] !== NO_OUTPUT) add(output[i]);
  });
  const marketKind = KIND_INDEX.MARKET;
  const markets = buildRegionIndex(PRODUCTS.length, regionCount, count, regionOf, (i, add) => {
    if (kind[i] !== marketKind) return;
    for (let p = 0; p < PRODUCTS.length; p++) if (handled[i] & (1 << p)) add(p);
  });
  const logisticsKind = KIND_INDEX.LOGISTICS;
  const logistics = buildRegionIndex(1, regionCount, count, regionOf, (i, add) => {
    if (kind[i] === logisticsKind) add(0);
  });

  return { count, seed, regionCount, kind, region, output, handled, logisticsMode, producers, markets, logistics };
}
