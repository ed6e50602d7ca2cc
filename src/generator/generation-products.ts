import type { EnterpriseKind } from '../engine';

/**
 * Products of the synthetic textile chain, by code. The code is the index;
 * plans store codes in typed arrays instead of strings.
 */
export const PRODUCTS = [
  'PTA',
  'MEG',
  'raw cotton',
  'dyestuff',
  'textile auxiliaries',
  'process steam',
  'polyester yarn',
  'cotton yarn',
  'grey fabric',
  'dyed fabric',
  'printed fabric',
  'garments',
  'accessories',
  'home textiles',
] as const;

/** Product codes, named for readability at the call sites. */
export const P = {
  PTA: 0,
  MEG: 1,
  RAW_COTTON: 2,
  DYESTUFF: 3,
  AUXILIARIES: 4,
  STEAM: 5,
  POLYESTER_YARN: 6,
  COTTON_YARN: 7,
  GREY_FABRIC: 8,
  DYED_FABRIC: 9,
  PRINTED_FABRIC: 10,
  GARMENTS: 11,
  ACCESSORIES: 12,
  HOME_TEXTILES: 13,
} as const;

/** Unit of a product's volume and of its producers' daily capacity. */
export const PRODUCT_UNITS: readonly string[] = [
  't',
  't',
  't',
  't',
  't',
  't',
  't',
  't',
  'm',
  'm',
  'm',
  'pcs',
  'pcs',
  'pcs',
];

/**
 * Typical price of one unit of the product in CNY (tonnes, metres, pieces
 * as in PRODUCT_UNITS), before random spread: what makes dailyOutputValue.
 */
export const PRODUCT_PRICES: readonly number[] = [
  5_000, 4_500, 13_000, 30_000, 10_000, 200, 7_000, 20_000, 5, 8, 10, 60, 3, 80,
];

/** CNY per tonne of the mixed textile goods a logistics node forwards. */
export const LOGISTICS_GOODS_PRICE = 20_000;

/** Typical daily volume of one link of the product, before random spread. */
export const PRODUCT_LINK_VOLUME: readonly number[] = [
  60, 40, 30, 2, 1.5, 300, 12, 10, 40000, 30000, 20000, 5000, 20000, 3000,
];

/**
 * Kinds in tier order (upstream first) with their share of a generated graph
 * and the products a producer of that kind may make (code, weight).
 */
export const KIND_SHARES: readonly {
  kind: EnterpriseKind;
  share: number;
  outputs: readonly (readonly [number, number])[];
}[] = [
  {
    kind: 'RAW_MATERIAL',
    share: 0.05,
    outputs: [
      [P.PTA, 0.4],
      [P.MEG, 0.3],
      [P.RAW_COTTON, 0.3],
    ],
  },
  {
    kind: 'CHEMICAL',
    share: 0.06,
    outputs: [
      [P.DYESTUFF, 0.6],
      [P.AUXILIARIES, 0.4],
    ],
  },
  { kind: 'OTHER', share: 0.02, outputs: [[P.STEAM, 1]] },
  {
    kind: 'FIBER',
    share: 0.07,
    outputs: [
      [P.POLYESTER_YARN, 0.7],
      [P.COTTON_YARN, 0.3],
    ],
  },
  { kind: 'WEAVING', share: 0.17, outputs: [[P.GREY_FABRIC, 1]] },
  {
    kind: 'PRINTING_DYEING',
    share: 0.12,
    outputs: [
      [P.DYED_FABRIC, 0.7],
      [P.PRINTED_FABRIC, 0.3],
    ],
  },
  { kind: 'GARMENT', share: 0.24, outputs: [[P.GARMENTS, 1]] },
  {
    kind: 'MANUFACTURER',
    share: 0.08,
    outputs: [
      [P.ACCESSORIES, 0.5],
      [P.HOME_TEXTILES, 0.5],
    ],
  },
  { kind: 'MARKET', share: 0.02, outputs: [] },
  { kind: 'FOREIGN_TRADE', share: 0.12, outputs: [] },
  { kind: 'LOGISTICS', share: 0.05, outputs: [] },
];

/** Products a MARKET may trade (it handles two or three of them). */
export const MARKET_PRODUCTS: readonly number[] = [
  P.GREY_FABRIC,
  P.DYED_FABRIC,
  P.PRINTED_FABRIC,
  P.GARMENTS,
  P.HOME_TEXTILES,
];

/** Products a FOREIGN_TRADE firm may export (it handles one to three). */
export const TRADE_PRODUCTS: readonly number[] = [P.GARMENTS, P.HOME_TEXTILES, P.DYED_FABRIC, P.PRINTED_FABRIC];
