/** A region the synthetic generator places enterprises in. */
export interface GenerationRegion {
  /** `City/District`, the same shape as the demo data's regions. */
  name: string;
  lat: number;
  lon: number;
}

/**
 * Textile and light-industry clusters used by the synthetic generator. The
 * four places of the demo dataset (Keqiao, Fuquan, Songjiang, Ningbo) are
 * left out on purpose, so a synthetic graph loaded next to the demo data does
 * not blur the demo's per-region recovery figures.
 */
export const GENERATION_REGIONS: readonly GenerationRegion[] = [
  { name: 'Suzhou/Wujiang', lat: 30.9, lon: 120.65 },
  { name: 'Hangzhou/Xiaoshan', lat: 30.18, lon: 120.26 },
  { name: 'Jiaxing/Tongxiang', lat: 30.63, lon: 120.56 },
  { name: 'Quanzhou/Jinjiang', lat: 24.78, lon: 118.55 },
  { name: 'Suzhou/Changshu', lat: 31.65, lon: 120.75 },
  { name: 'Wuxi/Jiangyin', lat: 31.92, lon: 120.28 },
  { name: 'Foshan/Xiqiao', lat: 22.93, lon: 112.96 },
  { name: 'Jiaxing/Haining', lat: 30.51, lon: 120.68 },
  { name: 'Nantong/Haimen', lat: 31.87, lon: 121.18 },
  { name: 'Huzhou/Wuxing', lat: 30.86, lon: 120.1 },
  { name: 'Guangzhou/Zengcheng', lat: 23.29, lon: 113.81 },
  { name: 'Dongguan/Humen', lat: 22.82, lon: 113.67 },
  { name: 'Changzhou/Wujin', lat: 31.7, lon: 119.94 },
  { name: 'Quanzhou/Shishi', lat: 24.73, lon: 118.65 },
  { name: 'Wenzhou/Ruian', lat: 27.78, lon: 120.65 },
  { name: 'Shantou/Chaonan', lat: 23.25, lon: 116.43 },
  { name: 'Qingdao/Jimo', lat: 36.39, lon: 120.45 },
  { name: 'Weifang/Gaomi', lat: 36.38, lon: 119.75 },
  { name: 'Xiamen/Haicang', lat: 24.48, lon: 118.03 },
  { name: 'Zhengzhou/Xinzheng', lat: 34.4, lon: 113.74 },
  { name: 'Wuhan/Hanyang', lat: 30.55, lon: 114.22 },
  { name: 'Chengdu/Pengzhou', lat: 30.99, lon: 103.96 },
  { name: 'Urumqi/Midong', lat: 43.95, lon: 87.65 },
  { name: 'Aksu/Aral', lat: 40.55, lon: 81.28 },
];
