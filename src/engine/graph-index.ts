import type { LinkColumns, NodeColumns } from './graph-columns';
import { ENTERPRISE_KINDS, PASS_THROUGH_KINDS, TRANSPORT_MODES } from './graph-input';
import { shareCopy, sharedFloat64, sharedInt32, sharedUint8 } from './shared-arrays';

const PASS_THROUGH_KIND_FLAGS = ENTERPRISE_KINDS.map((kind) => PASS_THROUGH_KINDS.has(kind));

/**
 * What the engine derives from the columns: adjacency in CSR form, ports,
 * shares and groupings. Field meanings are documented on SupplyGraph, which
 * exposes them under the same names. Shared memory, never written after.
 */
export interface GraphIndex {
  nodePassThrough: Uint8Array;
  nodePortStart: Int32Array;
  nodeOutStart: Int32Array;
  outLinks: Int32Array;
  nodePortWeightSum: Float64Array;
  linkShare: Float64Array;
  linkPort: Int32Array;
  linkSourcePort: Int32Array;
  linkOutPosition: Int32Array;
  outPort: Int32Array;
  outTarget: Int32Array;
  outShare: Float64Array;
  outInventoryDays: Float64Array;
  inSource: Int32Array;
  portNode: Int32Array;
  portProduct: Int32Array;
  portLinkStart: Int32Array;
  portLinks: Int32Array;
  portOutStart: Int32Array;
  portOutEnd: Int32Array;
  portWeight: Float64Array;
  regionNodeStart: Int32Array;
  regionNodes: Int32Array;
  modeLinkStart: Int32Array;
  modeLinks: Int32Array;
}

/**
 * Derives the index in O(enterprises + links) by counting sorts. Inbound
 * links are grouped into ports: one port per (customer, product), because
 * §3 ORs suppliers of one product and ANDs products. A pass-through also gets
 * a port for every product it only ships (it originates it), so a
 * pass-through's per-product state always lives on a port.
 */
export function indexColumns(nodes: NodeColumns, links: LinkColumns): GraphIndex {
  const n = nodes.kind.length;
  const m = links.from.length;
  const nodePassThrough = sharedUint8(n);
  for (let v = 0; v < n; v++) nodePassThrough[v] = PASS_THROUGH_KIND_FLAGS[nodes.kind[v]] ? 1 : 0;

  const productCount = links.productNames.length;
  const inSorted = sortByTwoKeys(links.to, n, links.product, productCount);
  const outSorted = sortByTwoKeys(links.from, n, links.product, productCount);
  const inStart = countStarts(links.to, n);
  const outStart = countStarts(links.from, n);

  // Gathered once (independent reads, which the CPU overlaps), so the port pass below reads in order.
  const product = links.product;
  const volume = links.volume;
  const inProduct = gather(product, inSorted);
  const inVolume = gatherFloat(volume, inSorted);
  const outProduct = gather(product, outSorted);
  const outVolume = gatherFloat(volume, outSorted);

  // Ports: one per (node, inbound product); pass-throughs also get one per outbound-only product.
  let maxPorts = m;
  for (let i = 0; i < m; i++) if (nodePassThrough[links.from[outSorted[i]]]) maxPorts++;
  const portNode = new Int32Array(maxPorts);
  const portProduct = new Int32Array(maxPorts);
  const portLinkStart = new Int32Array(maxPorts + 1);
  const portOutStart = new Int32Array(maxPorts);
  const portOutEnd = new Int32Array(maxPorts);
  const portWeight = new Float64Array(maxPorts);
  const nodePortStart = sharedInt32(n + 1);
  const nodePortWeightSum = sharedFloat64(n);
  // By position: in portLinks (the customer's port, the share) and in outLinks (the supplier's port).
  const inPort = new Int32Array(m);
  const inShare = new Float64Array(m);
  const outSourcePort = new Int32Array(m).fill(-1);
  let q = 0;
  for (let v = 0; v < n; v++) {
    nodePortStart[v] = q;
    const passThrough = nodePassThrough[v] === 1;
    let i = inStart[v];
    const iEnd = inStart[v + 1];
    let o = outStart[v];
    const oEnd = outStart[v + 1];
    let weightSum = 0;
    while (i < iEnd || (passThrough && o < oEnd)) {
      const nextIn = i < iEnd ? inProduct[i] : Infinity;
      const nextOut = passThrough && o < oEnd ? outProduct[o] : Infinity;
      const p = Math.min(nextIn, nextOut);
      portNode[q] = v;
      portProduct[q] = p;
      portLinkStart[q] = i;
      let inTotal = 0;
      const groupStart = i;
      while (i < iEnd && inProduct[i] === p) {
        inTotal += inVolume[i];
        inPort[i] = q;
        i++;
      }
      for (let k = groupStart; k < i; k++) inShare[k] = inTotal > 0 ? inVolume[k] / inTotal : 1 / (i - groupStart);
      if (passThrough) {
        let outTotal = 0;
        portOutStart[q] = o;
        while (o < oEnd && outProduct[o] === p) {
          outTotal += outVolume[o];
          outSourcePort[o] = q;
          o++;
        }
        portOutEnd[q] = o;
        portWeight[q] = Math.max(inTotal, outTotal);
        weightSum += portWeight[q];
      }
      q++;
    }
    nodePortWeightSum[v] = weightSum;
  }
  nodePortStart[n] = q;
  portLinkStart[q] = m;

  // Per link (scattered from positions), and hot copies of what the propagation reads per outbound
  // link in outLinks order, so a supplier's links are read from consecutive memory.
  const linkPort = sharedInt32(m);
  const linkShare = sharedFloat64(m);
  const linkSourcePort = sharedInt32(m);
  const linkOutPosition = sharedInt32(m);
  for (let j = 0; j < m; j++) {
    linkPort[inSorted[j]] = inPort[j];
    linkShare[inSorted[j]] = inShare[j];
  }
  for (let i = 0; i < m; i++) {
    linkSourcePort[outSorted[i]] = outSourcePort[i];
    linkOutPosition[outSorted[i]] = i;
  }
  const outPort = gather(linkPort, outSorted, sharedInt32(m));
  const outShare = gatherFloat(linkShare, outSorted, sharedFloat64(m));
  const outInventoryDays = gatherFloat(links.inventoryDays, outSorted, sharedFloat64(m));
  const outTo = gather(links.to, outSorted);
  const outTarget = sharedInt32(m);
  for (let i = 0; i < m; i++) outTarget[i] = nodePassThrough[outTo[i]] === 1 ? n + outPort[i] : outTo[i];

  // Per position in portLinks, the variable whose value the link carries (see topological-rank.ts).
  const inSourcePort = gather(linkSourcePort, inSorted);
  const inFrom = gather(links.from, inSorted);
  const inSource = sharedInt32(m);
  for (let j = 0; j < m; j++) inSource[j] = inSourcePort[j] >= 0 ? n + inSourcePort[j] : inFrom[j];

  const regionCount = nodes.regionNames.length;
  return {
    nodePassThrough,
    nodePortStart,
    nodeOutStart: shareCopy(outStart),
    outLinks: shareCopy(outSorted),
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
    portNode: shareCopy(portNode, q),
    portProduct: shareCopy(portProduct, q),
    portLinkStart: shareCopy(portLinkStart, q + 1),
    portLinks: shareCopy(inSorted),
    portOutStart: shareCopy(portOutStart, q),
    portOutEnd: shareCopy(portOutEnd, q),
    portWeight: shareCopy(portWeight, q),
    regionNodeStart: shareCopy(countStarts(nodes.region, regionCount)),
    regionNodes: shareCopy(sortByTwoKeys(nodes.region, regionCount, new Int32Array(n), 1)),
    modeLinkStart: shareCopy(countStarts(links.mode, TRANSPORT_MODES.length)),
    modeLinks: shareCopy(sortByTwoKeys(links.mode, TRANSPORT_MODES.length, new Int32Array(m), 1)),
  };
}

/** values[positions[k]] for every k (into `into` when given). */
function gather(
  values: Int32Array,
  positions: Int32Array,
  into: Int32Array = new Int32Array(positions.length),
): Int32Array {
  for (let k = 0; k < positions.length; k++) into[k] = values[positions[k]];
  return into;
}

function gatherFloat(
  values: Float64Array,
  positions: Int32Array,
  into: Float64Array = new Float64Array(positions.length),
): Float64Array {
  for (let k = 0; k < positions.length; k++) into[k] = values[positions[k]];
  return into;
}

/** CSR offsets: starts[k] .. starts[k + 1] - 1 are the positions of items with key k. */
function countStarts(keys: ArrayLike<number>, keyCount: number): Int32Array {
  const starts = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) starts[keys[i] + 1]++;
  for (let k = 0; k < keyCount; k++) starts[k + 1] += starts[k];
  return starts;
}

/** Item positions sorted by (primary, secondary), stable, by two counting-sort passes. */
function sortByTwoKeys(
  primary: ArrayLike<number>,
  primaryCount: number,
  secondary: ArrayLike<number>,
  secondaryCount: number,
): Int32Array {
  const count = primary.length;
  const bySecondary = new Int32Array(count);
  const secondaryNext = countStarts(secondary, secondaryCount);
  for (let i = 0; i < count; i++) bySecondary[secondaryNext[secondary[i]]++] = i;
  const sorted = new Int32Array(count);
  const primaryNext = countStarts(primary, primaryCount);
  for (let j = 0; j < count; j++) {
    const i = bySecondary[j];
    sorted[primaryNext[primary[i]]++] = i;
  }
  return sorted;
}
