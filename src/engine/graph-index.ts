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

  // Ports: one per (node, inbound product); pass-throughs also get one per outbound-only product.
  let maxPorts = m;
  for (let l = 0; l < m; l++) if (nodePassThrough[links.from[l]]) maxPorts++;
  const portNode = new Int32Array(maxPorts);
  const portProduct = new Int32Array(maxPorts);
  const portLinkStart = new Int32Array(maxPorts + 1);
  const portOutStart = new Int32Array(maxPorts);
  const portOutEnd = new Int32Array(maxPorts);
  const portWeight = new Float64Array(maxPorts);
  const nodePortStart = sharedInt32(n + 1);
  const nodePortWeightSum = sharedFloat64(n);
  const linkPort = sharedInt32(m);
  const linkSourcePort = sharedInt32(m).fill(-1);
  const linkShare = sharedFloat64(m);
  const volume = links.volume;
  const product = links.product;
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
      const inProduct = i < iEnd ? product[inSorted[i]] : Infinity;
      const outProduct = passThrough && o < oEnd ? product[outSorted[o]] : Infinity;
      const p = Math.min(inProduct, outProduct);
      portNode[q] = v;
      portProduct[q] = p;
      portLinkStart[q] = i;
      let inVolume = 0;
      const groupStart = i;
      while (i < iEnd && product[inSorted[i]] === p) {
        const l = inSorted[i];
        inVolume += volume[l];
        linkPort[l] = q;
        i++;
      }
      for (let k = groupStart; k < i; k++) {
        const l = inSorted[k];
        linkShare[l] = inVolume > 0 ? volume[l] / inVolume : 1 / (i - groupStart);
      }
      if (passThrough) {
        let outVolume = 0;
        portOutStart[q] = o;
        while (o < oEnd && product[outSorted[o]] === p) {
          const l = outSorted[o];
          outVolume += volume[l];
          linkSourcePort[l] = q;
          o++;
        }
        portOutEnd[q] = o;
        portWeight[q] = Math.max(inVolume, outVolume);
        weightSum += portWeight[q];
      }
      q++;
    }
    nodePortWeightSum[v] = weightSum;
  }
  nodePortStart[n] = q;
  portLinkStart[q] = m;

  // Hot copies of what the propagation reads per outbound link, in outLinks order, so a
  // supplier's links are read from consecutive memory.
  const linkOutPosition = sharedInt32(m);
  const outPort = sharedInt32(m);
  const outTarget = sharedInt32(m);
  const outShare = sharedFloat64(m);
  const outInventoryDays = sharedFloat64(m);
  for (let i = 0; i < m; i++) {
    const l = outSorted[i];
    linkOutPosition[l] = i;
    const port = linkPort[l];
    outPort[i] = port;
    const to = links.to[l];
    outTarget[i] = nodePassThrough[to] === 1 ? n + port : to;
    outShare[i] = linkShare[l];
    outInventoryDays[i] = links.inventoryDays[l];
  }

  // Per position in portLinks, the variable whose value the link carries (see topological-rank.ts).
  const inSource = sharedInt32(m);
  for (let j = 0; j < m; j++) {
    const l = inSorted[j];
    const sourcePort = linkSourcePort[l];
    inSource[j] = sourcePort >= 0 ? n + sourcePort : links.from[l];
  }

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
