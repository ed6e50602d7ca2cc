export interface GeoNode {
  id: string;
  lat: number | null;
  lon: number | null;
  region: string;
}

export interface GeoLayout {
  positions: Map<string, { x: number; y: number }>;
  /** Where to write each region's name: above its enterprises. */
  regions: { region: string; x: number; y: number }[];
}

/** Model units the widest side of the map spans. */
const MAP_SIZE = 1000;
/** Enterprises closer than this (model units) are pushed apart, so each stays clickable and labelled. */
const MIN_GAP = 80;
/** Distances from the middle of the map beyond about this many model units are compressed. */
const NEAR = 300;

/**
 * Positions from latitude and longitude, no map tiles: an equirectangular
 * projection (longitude shrunk by the cosine of the mean latitude), scaled to
 * MAP_SIZE, far distances compressed. Enterprises of one industrial park sit a few hundred metres apart,
 * so a few relaxation passes push neighbours at least MIN_GAP apart; those
 * without coordinates go in a row below the map.
 */
export function geoLayout(nodes: GeoNode[]): GeoLayout {
  const located = nodes.filter((node) => node.lat !== null && node.lon !== null) as (GeoNode & {
    lat: number;
    lon: number;
  })[];
  const meanLat = located.reduce((sum, node) => sum + node.lat, 0) / Math.max(located.length, 1);
  const shrink = Math.cos((meanLat * Math.PI) / 180);
  const raw = located.map((node) => ({ id: node.id, x: node.lon * shrink, y: -node.lat }));
  const minX = Math.min(...raw.map((p) => p.x));
  const maxX = Math.max(...raw.map((p) => p.x));
  const minY = Math.min(...raw.map((p) => p.y));
  const maxY = Math.max(...raw.map((p) => p.y));
  const scale = MAP_SIZE / Math.max(maxX - minX, maxY - minY, 1e-6);
  const points = raw.map((p) => ({ id: p.id, x: (p.x - minX) * scale, y: (p.y - minY) * scale }));

  compressDistances(points);
  relax(points);

  const positions = new Map(points.map((p) => [p.id, { x: p.x, y: p.y }]));
  const bottom = points.length ? Math.max(...points.map((p) => p.y)) + 140 : 0;
  nodes
    .filter((node) => !positions.has(node.id))
    .forEach((node, index) => positions.set(node.id, { x: index * 160, y: bottom }));

  const byRegion = new Map<string, { x: number; y: number }[]>();
  for (const node of nodes) {
    const list = byRegion.get(node.region) ?? [];
    list.push(positions.get(node.id)!);
    byRegion.set(node.region, list);
  }
  const regions = [...byRegion].map(([region, list]) => ({
    region,
    x: list.reduce((sum, p) => sum + p.x, 0) / list.length,
    y: Math.min(...list.map((p) => p.y)) - 60,
  }));
  return { positions, regions };
}

/**
 * Distances from the median point shrink logarithmically beyond NEAR: one far-off customer
 * does not squeeze a whole industrial park into a dot, and directions stay true.
 */
function compressDistances(points: { x: number; y: number }[]) {
  if (points.length < 2) return;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const cx = median(points.map((p) => p.x));
  const cy = median(points.map((p) => p.y));
  for (const point of points) {
    const dx = point.x - cx;
    const dy = point.y - cy;
    const distance = Math.hypot(dx, dy);
    if (distance < 1e-6) continue;
    const compressed = NEAR * Math.log1p(distance / NEAR);
    point.x = cx + (dx / distance) * compressed;
    point.y = cy + (dy / distance) * compressed;
  }
}

/** Pushes points closer than MIN_GAP apart, a few passes, pairwise (chains are at most a few hundred nodes). */
function relax(points: { x: number; y: number }[]) {
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i];
        const b = points[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= MIN_GAP) continue;
        if (distance < 1e-6) {
          // Same spot: spread along a golden-angle spiral so the order stays stable.
          const angle = (i + j) * 2.399963;
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (MIN_GAP - distance) / 2 / distance;
        a.x -= dx * push;
        a.y -= dy * push;
        b.x += dx * push;
        b.y += dy * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
}
