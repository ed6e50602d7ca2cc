import { deriveSeed } from './derive-seed';
import type { EnterpriseStatus } from '../engine';
import type { GeneratedEnterprise } from './generated-enterprise';
import { GENERATION_REGIONS } from './generation-regions';
import {
  KIND_SHARES,
  LOGISTICS_GOODS_PRICE,
  P,
  PRODUCT_LINK_VOLUME,
  PRODUCT_PRICES,
  PRODUCT_UNITS,
  PRODUCTS,
} from './generation-products';
import { mulberry32 } from './mulberry32';
import { NO_OUTPUT, type SupplyGraphPlan } from './plan-supply-graph';

const NAME_HEADS = [
  'Heng',
  'Xin',
  'Da',
  'Tian',
  'Hua',
  'Jin',
  'Yong',
  'Rui',
  'Sheng',
  'Fu',
  'Long',
  'Mei',
  'Kai',
  'Bao',
  'Hong',
  'Jia',
];
const NAME_TAILS = ['da', 'yu', 'feng', 'xing', 'li', 'cheng', 'tai', 'yuan', 'hui', 'mao', 'an', 'fa'];
const PARKS = [
  'Textile Industrial Park',
  'Economic Development Zone',
  'Hi-tech Zone',
  'Binjiang Industrial Park',
  'Light Industry Park',
];

const PRODUCT_TRADE: Readonly<Record<number, string>> = {
  [P.PTA]: 'Petrochemical',
  [P.MEG]: 'Glycol Chemical',
  [P.RAW_COTTON]: 'Cotton Ginning',
  [P.DYESTUFF]: 'Dyestuff',
  [P.AUXILIARIES]: 'Textile Auxiliaries',
  [P.STEAM]: 'Thermal Power and Steam',
  [P.POLYESTER_YARN]: 'Chemical Fibre',
  [P.COTTON_YARN]: 'Cotton Spinning',
  [P.GREY_FABRIC]: 'Weaving',
  [P.DYED_FABRIC]: 'Dyeing and Finishing',
  [P.PRINTED_FABRIC]: 'Printing and Dyeing',
  [P.GARMENTS]: 'Garment',
  [P.ACCESSORIES]: 'Garment Accessories',
  [P.HOME_TEXTILES]: 'Home Textiles',
};
const LOGISTICS_TRADE = ['Freight Hub', 'Rail Freight Yard', 'Port Logistics'];

/** `g-e-0000123`: stable enterprise id of plan index `i`. */
export function generatedEnterpriseId(i: number): string {
  return `g-e-${String(i).padStart(7, '0')}`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function firstHandled(mask: number): number {
  for (let p = 0; p < PRODUCTS.length; p++) if (mask & (1 << p)) return p;
  return P.DYED_FABRIC;
}

/**
 * Streams the enterprises of a plan in id order. Attributes (name, status,
 * capacity, coordinates) come from their own random stream, so they are the
 * same whether or not links are generated. Output value is capacity times the
 * price of what the enterprise makes or forwards, within 25% either way, from
 * a stream of its own (so adding it changed no other attribute).
 */
export function* generateEnterprises(plan: SupplyGraphPlan): Generator<GeneratedEnterprise> {
  const random = mulberry32(deriveSeed(plan.seed, 2));
  const priceSpread = mulberry32(deriveSeed(plan.seed, 4));
  for (let i = 0; i < plan.count; i++) {
    const kind = KIND_SHARES[plan.kind[i]].kind;
    const region = GENERATION_REGIONS[plan.region[i]];
    const district = region.name.slice(region.name.indexOf('/') + 1);
    const out = plan.output[i];

    let trade: string;
    let unit: string;
    let dailyCapacity: number;
    let price: number;
    if (out !== NO_OUTPUT) {
      trade = PRODUCT_TRADE[out];
      unit = PRODUCT_UNITS[out];
      dailyCapacity = PRODUCT_LINK_VOLUME[out] * (3 + random() * 12);
      price = PRODUCT_PRICES[out];
    } else if (kind === 'LOGISTICS') {
      trade = LOGISTICS_TRADE[plan.logisticsMode[i]];
      unit = 't';
      dailyCapacity = 500 + random() * 4500;
      price = LOGISTICS_GOODS_PRICE;
    } else {
      const p = firstHandled(plan.handled[i]);
      trade = kind === 'MARKET' ? 'Textile Market' : 'Import and Export';
      unit = PRODUCT_UNITS[p];
      dailyCapacity = PRODUCT_LINK_VOLUME[p] * (kind === 'MARKET' ? 20 + random() * 30 : 2 + random() * 6);
      price = PRODUCT_PRICES[p];
    }
    const dailyOutputValue = Math.round(round(dailyCapacity, 1) * price * (0.75 + priceSpread() * 0.5));

    const head = NAME_HEADS[Math.floor(random() * NAME_HEADS.length)];
    const tail = NAME_TAILS[Math.floor(random() * NAME_TAILS.length)];
    const s = random();
    let status: EnterpriseStatus;
    let capacityRecovery: number;
    let workforceReturned: number;
    if (s < 0.93) {
      status = 'OPERATING';
      capacityRecovery = 1;
      workforceReturned = round(0.9 + random() * 0.1, 2);
    } else if (s < 0.97) {
      status = 'PARTIAL';
      capacityRecovery = round(0.3 + random() * 0.6, 2);
      workforceReturned = round(Math.min(1, capacityRecovery + random() * 0.1), 2);
    } else if (s < 0.99) {
      status = 'STALLED';
      capacityRecovery = 0;
      workforceReturned = round(random() * 0.3, 2);
    } else {
      status = 'CLOSED';
      capacityRecovery = 0;
      workforceReturned = 0;
    }

    yield {
      id: generatedEnterpriseId(i),
      name: `${district} ${head}${tail} ${trade} Co. ${i}`,
      kind,
      region: region.name,
      park:
        kind === 'MARKET' ? `${district} Market District` : `${district} ${PARKS[Math.floor(random() * PARKS.length)]}`,
      lat: round(region.lat + (random() - 0.5) * 0.2, 4),
      lon: round(region.lon + (random() - 0.5) * 0.2, 4),
      status,
      capacityRecovery,
      workforceReturned,
      dailyCapacity: round(dailyCapacity, 1),
      unit,
      dailyOutputValue,
      whitelisted: random() < 0.03,
    };
  }
}
