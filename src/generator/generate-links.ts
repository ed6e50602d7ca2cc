import { deriveSeed } from './derive-seed';
import { generatedEnterpriseId } from './generate-enterprises';
import type { TransportMode } from '../engine';
import type { GeneratedLink } from './generated-link';
import { KIND_SHARES, P, PRODUCT_LINK_VOLUME, PRODUCT_UNITS, PRODUCTS } from './generation-products';
import { mulberry32 } from './mulberry32';
import { LOGISTICS_MODES, NO_OUTPUT, type SupplyGraphPlan } from './plan-supply-graph';
import { regionIndexRange, type RegionIndex } from './region-index';

/** `g-l-0000456`: stable link id of the n-th generated link. */
export function generatedLinkId(n: number): string {
  return `g-l-${String(n).padStart(7, '0')}`;
}

/** Share of a producer's supplies bought in its own region. */
const LOCAL_SHARE = 0.85;
/** Share of producer inputs routed through a logistics hub of the customer's region. */
const ROUTED_SHARE = 0.1;
/**
 * Exponent of the supplier choice: index = floor(n * u^SKEW). The first
 * suppliers of a group get most customers (density ~ x^(1/SKEW - 1)), a
 * power-law like skew with a few hubs and a long tail.
 */
const SKEW = 2.5;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Streams the links of a plan in id order. Links are drawn customer by
 * customer: each producer picks one to three suppliers per input product
 * (multi-sourcing), markets and trade firms pick suppliers of the products
 * they handle, trade firms ship to logistics nodes, and a share of producer
 * inputs is routed through a logistics hub (two links, hub mode). Only a set
 * of already routed supplier-to-hub pairs is kept in memory.
 */
export function* generateLinks(plan: SupplyGraphPlan): Generator<GeneratedLink> {
  const random = mulberry32(deriveSeed(plan.seed, 3));
  const kindNames = KIND_SHARES.map((entry) => entry.kind);
  const logisticsTotal = plan.logistics.items.length;
  const routed = new Set<number>();
  const picked: number[] = [];
  let serial = 0;

  const supplierCount = (): number => {
    const r = random();
    return r < 0.35 ? 1 : r < 0.72 ? 2 : 3;
  };

  /** Picks a member of `index` for `key`, skewed to the group's first members; -1 when none. */
  const pickFrom = (index: RegionIndex, key: number, region: number): number => {
    let [start, end] = regionIndexRange(index, key, random() < LOCAL_SHARE ? region : -1);
    if (start === end) [start, end] = regionIndexRange(index, key, -1);
    if (start === end) return -1;
    return index.items[start + Math.floor((end - start) * Math.pow(random(), SKEW))];
  };

  /** Picks up to `k` distinct suppliers of `p` for customer `v` into `picked`. */
  const pickSuppliers = (v: number, p: number, k: number, marketShare: number): void => {
    picked.length = 0;
    for (let attempt = 0; picked.length < k && attempt < k * 3; attempt++) {
      const fromMarket = marketShare > 0 && random() < marketShare;
      let u = pickFrom(fromMarket ? plan.markets : plan.producers, p, plan.region[v]);
      if (u < 0 && fromMarket) u = pickFrom(plan.producers, p, plan.region[v]);
      if (u >= 0 && u !== v && !picked.includes(u)) picked.push(u);
    }
  };

  const makeLink = (u: number, v: number, p: number, mode: TransportMode): GeneratedLink => {
    const r = random();
    const hasStock = p !== P.STEAM && random() < 0.35;
    return {
      id: generatedLinkId(serial++),
      from: generatedEnterpriseId(u),
      to: generatedEnterpriseId(v),
      product: PRODUCTS[p],
      mode,
      volume: round(PRODUCT_LINK_VOLUME[p] * (0.25 + 2 * r * r), 1),
      unit: PRODUCT_UNITS[p],
      status: random() < 0.004 ? 'BLOCKED' : 'OPEN',
      inventoryDays: hasStock ? round(1 + random() * 13, 1) : 0,
    };
  };

  const directMode = (u: number, v: number, p: number): TransportMode => {
    if (p === P.STEAM) return 'PIPELINE';
    const r = random();
    if (plan.region[u] === plan.region[v]) return r < 0.25 ? 'LOCAL' : 'ROAD';
    return r < 0.5 ? 'ROAD' : r < 0.75 ? 'RAIL' : 'WATER';
  };

  const routedHubs: number[] = [];

  for (let v = 0; v < plan.count; v++) {
    const kind = kindNames[plan.kind[v]];
    const out = plan.output[v];
    routedHubs.length = 0;

    if (out !== NO_OUTPUT) {
      for (const [p, marketShare] of inputsOf(out, random)) {
        pickSuppliers(v, p, supplierCount(), marketShare);
        for (const u of picked) {
          const [hubStart, hubEnd] = regionIndexRange(plan.logistics, 0, plan.region[v]);
          if (p !== P.STEAM && hubEnd > hubStart && random() < ROUTED_SHARE) {
            const slot = hubStart + Math.floor(random() * (hubEnd - hubStart));
            const hub = plan.logistics.items[slot];
            if (hub === u || hub === v) continue;
            const mode = LOGISTICS_MODES[plan.logisticsMode[hub]];
            const key = (u * logisticsTotal + slot) * 16 + p;
            if (!routed.has(key)) {
              routed.add(key);
              yield makeLink(u, hub, p, mode);
            }
            const hubKey = slot * 16 + p;
            if (!routedHubs.includes(hubKey)) {
              routedHubs.push(hubKey);
              yield makeLink(hub, v, p, mode);
            }
          } else {
            yield makeLink(u, v, p, directMode(u, v, p));
          }
        }
      }
    } else if (kind === 'MARKET' || kind === 'FOREIGN_TRADE') {
      const mask = plan.handled[v];
      for (let p = 0; p < PRODUCTS.length; p++) {
        if ((mask & (1 << p)) === 0) continue;
        const k = kind === 'MARKET' ? 6 + Math.floor(random() * 10) : 2 + Math.floor(random() * 3);
        pickSuppliers(v, p, k, kind === 'MARKET' ? 0 : 0.4);
        for (const u of picked) yield makeLink(u, v, p, directMode(u, v, p));
      }
      if (kind === 'FOREIGN_TRADE') {
        const ports = random() < 0.8 ? 1 : 2;
        let previous = -1;
        for (let n = 0; n < ports; n++) {
          const port = pickFrom(plan.logistics, 0, plan.region[v]);
          if (port < 0 || port === previous) continue;
          previous = port;
          const mode = LOGISTICS_MODES[plan.logisticsMode[port]];
          for (let p = 0; p < PRODUCTS.length; p++) if (mask & (1 << p)) yield makeLink(v, port, p, mode);
        }
      }
    }
  }
}

/**
 * Input products of a producer making `out`, each with the share of its
 * suppliers that should be markets rather than producers.
 */
function inputsOf(out: number, random: () => number): [number, number][] {
  switch (out) {
    case P.POLYESTER_YARN:
      return [
        [P.PTA, 0],
        [P.MEG, 0],
      ];
    case P.COTTON_YARN:
      return [[P.RAW_COTTON, 0]];
    case P.GREY_FABRIC:
      return [[random() < 0.7 ? P.POLYESTER_YARN : P.COTTON_YARN, 0]];
    case P.DYED_FABRIC:
    case P.PRINTED_FABRIC: {
      const inputs: [number, number][] = [
        [P.GREY_FABRIC, 0.15],
        [P.DYESTUFF, 0],
      ];
      if (random() < 0.8) inputs.push([P.AUXILIARIES, 0]);
      if (random() < 0.6) inputs.push([P.STEAM, 0]);
      return inputs;
    }
    case P.GARMENTS: {
      const r = random();
      const inputs: [number, number][] =
        r < 0.2
          ? [
              [P.DYED_FABRIC, 0.35],
              [P.PRINTED_FABRIC, 0.35],
            ]
          : [[r < 0.75 ? P.DYED_FABRIC : P.PRINTED_FABRIC, 0.35]];
      if (random() < 0.7) inputs.push([P.ACCESSORIES, 0]);
      return inputs;
    }
    case P.HOME_TEXTILES:
      return [[random() < 0.7 ? P.DYED_FABRIC : P.PRINTED_FABRIC, 0.35]];
    default:
      return [];
  }
}
