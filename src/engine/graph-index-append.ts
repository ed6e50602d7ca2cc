import type { LinkColumns, NodeColumns } from './graph-columns';
import type { GraphIndex } from './graph-index';
import { TRANSPORT_MODES } from './graph-input';
import { sharedFloat64, sharedInt32 } from './shared-arrays';

/** A port the appended links need that the old index lacks. */
export interface AddedPort {
  node: number;
  product: number;
  /** Its index in the new index. */
  port: number;
}

/**
 * Where new entries go into an old array: sorted insertion points (an old
 * position, before which the entry goes), so that the new position of old
 * entry i is i plus the number of points at or before i.
 */
export class Insertions {
  readonly points: Int32Array;

  constructor(points: ArrayLike<number>) {
    this.points = Int32Array.from(points).sort();
  }

  get count(): number {
    return this.points.length;
  }

  /** Entries inserted at or before old position i. */
  before(i: number): number {
    const points = this.points;
    let low = 0;
    let high = points.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (points[mid] <= i) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** New position of old entry i. */
  map(i: number): number {
    return i + this.before(i);
  }

  /** Maps every value of `values` at or above `offset` (value - offset is an old position) in place. */
  shiftValues(values: Int32Array, offset = 0): void {
    const points = this.points;
    if (points.length === 0) return;
    if (points.length === 1) {
      const first = points[0] + offset;
      for (let k = 0; k < values.length; k++) if (values[k] >= first) values[k]++;
      return;
    }
    for (let k = 0; k < values.length; k++) {
      if (values[k] >= offset) values[k] += this.before(values[k] - offset);
    }
  }

  /**
   * Copies old into next (typed arrays of the same kind), leaving a gap
   * after each insertion point, in one block copy per point.
   */
  spread<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): void {
    let from = 0;
    this.points.forEach((point, k) => {
      next.set(old.subarray(from, point), from + k);
      from = point;
    });
    next.set(old.subarray(from), from + this.points.length);
  }
}

export interface AppendedIndex {
  index: GraphIndex;
  /** Where the new ports went among the old ones. */
  portInsertions: Insertions;
  /** Where the new links went in outLinks, by old position. */
  outInsertions: Insertions;
  addedPorts: AddedPort[];
}

/**
 * The index of the columns after links firstNew .. linkCount - 1 were
 * appended, derived from the old index instead of sorting everything again:
 * every new link goes to the end of its groups (its index is the largest),
 * new ports are inserted where their product sorts among their enterprise's
 * ports, and shares and weights are recomputed only where volumes changed.
 * Old arrays move over in block copies, shifted at a few insertion points.
 * Equal, array for array, to indexColumns(nodes, links).
 */
export function appendLinksToIndex(
  old: GraphIndex,
  nodes: NodeColumns,
  links: LinkColumns,
  firstNew: number,
): AppendedIndex {
  const n = nodes.kind.length;
  const m = links.from.length;
  const oldPorts = old.portNode.length;
  const passThrough = old.nodePassThrough;
  const { from, to, product, volume } = links;
  const productCount = links.productNames.length;

  // Ports the new links need: (customer, product), and (supplier, product) for a pass-through supplier.
  const oldPortOf = (v: number, p: number): number => {
    for (let q = old.nodePortStart[v]; q < old.nodePortStart[v + 1]; q++) if (old.portProduct[q] === p) return q;
    return -1;
  };
  const needed = new Map<number, { node: number; product: number; before: number }>();
  const need = (v: number, p: number): void => {
    const key = v * productCount + p;
    if (needed.has(key) || oldPortOf(v, p) >= 0) return;
    let q = old.nodePortStart[v];
    while (q < old.nodePortStart[v + 1] && old.portProduct[q] < p) q++;
    needed.set(key, { node: v, product: p, before: q });
  };
  for (let l = firstNew; l < m; l++) {
    need(to[l], product[l]);
    if (passThrough[from[l]] === 1) need(from[l], product[l]);
  }
  // Enterprises without ports share a start position: order by enterprise too.
  const added = [...needed.values()].sort((a, b) => a.before - b.before || a.node - b.node || a.product - b.product);
  const addedPorts: AddedPort[] = added.map((a, k) => ({ node: a.node, product: a.product, port: a.before + k }));
  const portInsertions = new Insertions(added.map((a) => a.before));
  const ports = oldPorts + added.length;
  const addedPortOf = new Map(addedPorts.map((a) => [a.node * productCount + a.product, a.port]));
  const portOf = (v: number, p: number): number =>
    addedPortOf.get(v * productCount + p) ?? portInsertions.map(oldPortOf(v, p));

  // Port columns with the new ports in place.
  const portNode = sharedInt32(ports);
  const portProduct = sharedInt32(ports);
  portInsertions.spread(old.portNode, portNode);
  portInsertions.spread(old.portProduct, portProduct);
  for (const a of addedPorts) {
    portNode[a.port] = a.node;
    portProduct[a.port] = a.product;
  }
  const nodePortStart = sharedInt32(n + 1);
  nodePortStart.set(old.nodePortStart);
  addStepsAt(
    nodePortStart,
    added.map((a) => a.node + 1),
  );

  // The new links' ports, and how many each port receives.
  const newLinkPort = new Int32Array(m - firstNew);
  const newLinkSourcePort = new Int32Array(m - firstNew).fill(-1);
  const receiving = new Map<number, number[]>();
  for (let l = firstNew; l < m; l++) {
    const q = portOf(to[l], product[l]);
    newLinkPort[l - firstNew] = q;
    if (!receiving.has(q)) receiving.set(q, []);
    receiving.get(q)!.push(l);
    if (passThrough[from[l]] === 1) newLinkSourcePort[l - firstNew] = portOf(from[l], product[l]);
  }

  // In side: each port's old links, then its new ones, in port order then index order.
  // Counts per new port (old ones spread to their new places, then the new links), summed up.
  const portLinkStart = sharedInt32(ports + 1);
  {
    const counts = new Int32Array(oldPorts);
    for (let q = 0; q < oldPorts; q++) counts[q] = old.portLinkStart[q + 1] - old.portLinkStart[q];
    const spreadCounts = new Int32Array(ports);
    portInsertions.spread(counts, spreadCounts);
    for (const [q, list] of receiving) spreadCounts[q] += list.length;
    for (let q = 0; q < ports; q++) portLinkStart[q + 1] = portLinkStart[q] + spreadCounts[q];
  }
  // Each new link goes after the old links of every port up to its own: an old position of portLinks.
  const addedIds = new Insertions(addedPorts.map((a) => a.port));
  const inEntries = [...receiving]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([q, list]) => {
      const point = old.portLinkStart[q + 1 - addedIds.before(q)];
      return list.sort((a, b) => a - b).map((l) => ({ l, point }));
    });
  const inInsertions = new Insertions(inEntries.map((e) => e.point));
  const portLinks = sharedInt32(m);
  const inSource = sharedInt32(m);
  inInsertions.spread(old.portLinks, portLinks);
  inInsertions.spread(old.inSource, inSource);
  portInsertions.shiftValues(inSource, n);
  inEntries.forEach(({ l, point }, k) => {
    const at = point + k;
    portLinks[at] = l;
    const sourcePort = newLinkSourcePort[l - firstNew];
    inSource[at] = sourcePort >= 0 ? n + sourcePort : from[l];
  });

  // Per link: ports (old ones shifted), shares (recomputed where a port received links).
  const linkPort = sharedInt32(m);
  const linkSourcePort = sharedInt32(m);
  const linkShare = sharedFloat64(m);
  linkPort.set(old.linkPort);
  linkSourcePort.set(old.linkSourcePort);
  linkShare.set(old.linkShare);
  // Old links: ports shifted past the new ones (-1, no source port, stays below every point).
  portInsertions.shiftValues(linkPort.subarray(0, firstNew));
  portInsertions.shiftValues(linkSourcePort.subarray(0, firstNew));
  linkPort.set(newLinkPort, firstNew);
  linkSourcePort.set(newLinkSourcePort, firstNew);
  for (const q of receiving.keys()) {
    let total = 0;
    for (let j = portLinkStart[q]; j < portLinkStart[q + 1]; j++) total += volume[portLinks[j]];
    const count = portLinkStart[q + 1] - portLinkStart[q];
    for (let j = portLinkStart[q]; j < portLinkStart[q + 1]; j++) {
      linkShare[portLinks[j]] = total > 0 ? volume[portLinks[j]] / total : 1 / count;
    }
  }

  // Out side: a new link goes after its supplier's old links of products up to its own.
  const outEntries: { l: number; point: number }[] = [];
  for (let l = firstNew; l < m; l++) {
    const u = from[l];
    let i = old.nodeOutStart[u];
    while (i < old.nodeOutStart[u + 1] && product[old.outLinks[i]] <= product[l]) i++;
    outEntries.push({ l, point: i });
  }
  // At one position: the earlier supplier's first (one's end is the next one's start), then by product and index.
  outEntries.sort((a, b) => a.point - b.point || from[a.l] - from[b.l] || product[a.l] - product[b.l] || a.l - b.l);
  const outInsertions = new Insertions(outEntries.map((e) => e.point));
  const nodeOutStart = sharedInt32(n + 1);
  nodeOutStart.set(old.nodeOutStart);
  addStepsAt(
    nodeOutStart,
    outEntries.map((e) => from[e.l] + 1),
  );
  const outLinks = sharedInt32(m);
  const outPort = sharedInt32(m);
  const outTarget = sharedInt32(m);
  const outShare = sharedFloat64(m);
  const outInventoryDays = sharedFloat64(m);
  outInsertions.spread(old.outLinks, outLinks);
  outInsertions.spread(old.outPort, outPort);
  outInsertions.spread(old.outTarget, outTarget);
  outInsertions.spread(old.outShare, outShare);
  outInsertions.spread(old.outInventoryDays, outInventoryDays);
  portInsertions.shiftValues(outPort);
  portInsertions.shiftValues(outTarget, n);
  outEntries.forEach(({ l, point }, k) => {
    const at = point + k;
    outLinks[at] = l;
    outPort[at] = linkPort[l];
    outTarget[at] = passThrough[to[l]] === 1 ? n + linkPort[l] : to[l];
    outShare[at] = linkShare[l];
    outInventoryDays[at] = links.inventoryDays[l];
  });
  const linkOutPosition = sharedInt32(m);
  linkOutPosition.set(old.linkOutPosition);
  outInsertions.shiftValues(linkOutPosition.subarray(0, firstNew));
  outEntries.forEach(({ l, point }, k) => (linkOutPosition[l] = point + k));
  // Shares that changed, in their outLinks copies too.
  for (const q of receiving.keys()) {
    for (let j = portLinkStart[q]; j < portLinkStart[q + 1]; j++) {
      const l = portLinks[j];
      outShare[linkOutPosition[l]] = linkShare[l];
    }
  }

  // Pass-through ports: outbound ranges (old ones shifted), and volumes through them where they changed.
  const portOutStart = sharedInt32(ports);
  const portOutEnd = sharedInt32(ports);
  const portWeight = sharedFloat64(ports);
  const nodePortWeightSum = sharedFloat64(n);
  portInsertions.spread(old.portWeight, portWeight);
  nodePortWeightSum.set(old.nodePortWeightSum);
  // An unchanged pass-through's links all moved by as much as its first one; producers' ranges stay 0.
  portInsertions.spread(old.portOutStart, portOutStart);
  portInsertions.spread(old.portOutEnd, portOutEnd);
  for (let q = 0; q < ports; q++) {
    const v = portNode[q];
    if (passThrough[v] === 0) continue;
    const shift = nodeOutStart[v] - old.nodeOutStart[v];
    if (shift === 0) continue;
    portOutStart[q] += shift;
    portOutEnd[q] += shift;
  }
  const changed = new Set<number>();
  for (let l = firstNew; l < m; l++) {
    if (passThrough[to[l]] === 1) changed.add(to[l]);
    if (passThrough[from[l]] === 1) changed.add(from[l]);
  }
  for (const v of changed) {
    // Ranges and weights of this pass-through's ports from the new arrays.
    let i = nodeOutStart[v];
    let weightSum = 0;
    for (let q = nodePortStart[v]; q < nodePortStart[v + 1]; q++) {
      portOutStart[q] = i;
      let outTotal = 0;
      while (i < nodeOutStart[v + 1] && product[outLinks[i]] === portProduct[q]) outTotal += volume[outLinks[i++]];
      portOutEnd[q] = i;
      let inTotal = 0;
      for (let j = portLinkStart[q]; j < portLinkStart[q + 1]; j++) inTotal += volume[portLinks[j]];
      portWeight[q] = Math.max(inTotal, outTotal);
      weightSum += portWeight[q];
    }
    nodePortWeightSum[v] = weightSum;
  }

  // Modes: each mode's old links, then its new ones.
  const modes = TRANSPORT_MODES.length;
  const modeEntries: { l: number; point: number }[] = [];
  for (let l = firstNew; l < m; l++) modeEntries.push({ l, point: old.modeLinkStart[links.mode[l] + 1] });
  modeEntries.sort((a, b) => links.mode[a.l] - links.mode[b.l] || a.l - b.l);
  const modeInsertions = new Insertions(modeEntries.map((e) => e.point));
  const modeLinks = sharedInt32(m);
  modeInsertions.spread(old.modeLinks, modeLinks);
  modeEntries.forEach(({ l, point }, k) => (modeLinks[point + k] = l));
  const modeLinkStart = sharedInt32(modes + 1);
  const addedModes = new Insertions(modeEntries.map((e) => links.mode[e.l] + 1));
  for (let k = 0; k <= modes; k++) modeLinkStart[k] = old.modeLinkStart[k] + addedModes.before(k);

  const index: GraphIndex = {
    nodePassThrough: passThrough,
    nodePortStart,
    nodeOutStart,
    outLinks,
    nodePortWeightSum,
    linkShare,
    linkPort,
    linkSourcePort,
    linkOutPosition,
    outPort,
    outTarget,
    outShare,
    outInventoryDays,
    inSource,
    portNode,
    portProduct,
    portLinkStart,
    portLinks,
    portOutStart,
    portOutEnd,
    portWeight,
    regionNodeStart: old.regionNodeStart,
    regionNodes: old.regionNodes,
    modeLinkStart,
    modeLinks,
  };
  return { index, portInsertions, outInsertions, addedPorts };
}

/**
 * Adds to every element at or after each of `positions` one (a count of
 * entries inserted before it): a running sum, so one pass whatever their
 * number.
 */
function addStepsAt(values: Int32Array, positions: number[]): void {
  if (positions.length === 0) return;
  const steps = new Int32Array(values.length + 1);
  for (const p of positions) if (p < steps.length) steps[p]++;
  let add = 0;
  for (let k = 0; k < values.length; k++) {
    add += steps[k];
    values[k] += add;
  }
}
