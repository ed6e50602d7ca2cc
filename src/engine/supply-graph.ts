import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  PASS_THROUGH_KINDS,
  TRANSPORT_MODES,
  type EngineLink,
  type EnterpriseKind,
  type EnterpriseStatus,
  type SupplyGraphInput,
  type TransportMode,
} from './graph-input';

const KIND_INDEX = new Map(ENTERPRISE_KINDS.map((kind, i) => [kind, i]));
const STATUS_INDEX = new Map(ENTERPRISE_STATUSES.map((status, i) => [status, i]));
const MODE_INDEX = new Map(TRANSPORT_MODES.map((mode, i) => [mode, i]));
const PASS_THROUGH_KIND_FLAGS = ENTERPRISE_KINDS.map((kind) => PASS_THROUGH_KINDS.has(kind));

/** Status positions in ENTERPRISE_STATUSES that count as down in the current state (§2). */
export const DOWN_STATUS_FLAGS: readonly boolean[] = ENTERPRISE_STATUSES.map(
  (status) => status === 'STALLED' || status === 'CLOSED',
);

/** Enterprise columns: shared unchanged by graphs derived with extra links. */
interface NodeColumns {
  ids: string[];
  indexById: Map<string, number>;
  kind: Uint8Array;
  passThrough: Uint8Array;
  region: Int32Array;
  regionNames: string[];
  regionIndexByName: Map<string, number>;
  park: (string | null)[];
  status: Uint8Array;
  capacityRecovery: Float64Array;
  dailyCapacity: Float64Array;
  dailyOutputValue: Float64Array;
  unit: Int32Array;
  unitNames: string[];
}

/** Link columns, in input order: a link's index is its position in the input. */
interface LinkColumns {
  ids: string[];
  from: Int32Array;
  to: Int32Array;
  product: Int32Array;
  productNames: string[];
  productIndexByName: Map<string, number>;
  mode: Uint8Array;
  volume: Float64Array;
  blocked: Uint8Array;
  inventoryDays: Float64Array;
}

/**
 * Immutable compact index of one graph snapshot, built once and shared by
 * every evaluation. Everything is a typed array indexed by dense integers so
 * that graphs of millions of enterprises fit in memory and scans stay cheap.
 *
 * Inbound links are grouped into ports: one port per (customer, product),
 * because §3 ORs suppliers of one product and ANDs products. A pass-through
 * also gets a port for every product it only ships (it originates it), so a
 * pass-through's per-product state always lives on a port.
 *
 * The typed-array fields are internal to the engine: read them, never write.
 */
export class SupplyGraph {
  readonly nodeCount: number;
  readonly linkCount: number;
  readonly portCount: number;

  /** Kind position in ENTERPRISE_KINDS, per node. */
  readonly nodeKind: Uint8Array;
  /** 1 for pass-through kinds (MARKET, FOREIGN_TRADE, LOGISTICS). */
  readonly nodePassThrough: Uint8Array;
  readonly nodeRegion: Int32Array;
  /** Status position in ENTERPRISE_STATUSES, per node. */
  readonly nodeStatus: Uint8Array;
  /** capacityRecovery clamped to 0..1. */
  readonly nodeCapacityRecovery: Float64Array;
  /** NaN where unknown. */
  readonly nodeDailyCapacity: Float64Array;
  /** CNY per day of normal full output (§8); NaN where unknown. */
  readonly nodeDailyOutputValue: Float64Array;
  /** Position of the enterprise's unit among the graph's units (see unitName); -1 where unknown. */
  readonly nodeUnit: Int32Array;
  /** Ports of node v are nodePortStart[v] .. nodePortStart[v + 1] - 1, by product index. */
  readonly nodePortStart: Int32Array;
  /** Outbound links of node v are outLinks[nodeOutStart[v] .. nodeOutStart[v + 1] - 1], by product. */
  readonly nodeOutStart: Int32Array;
  readonly outLinks: Int32Array;
  /** Sum of portWeight over a pass-through's ports. */
  readonly nodePortWeightSum: Float64Array;

  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkProduct: Int32Array;
  /** Mode position in TRANSPORT_MODES. */
  readonly linkMode: Uint8Array;
  /** Volume with the default of 1 applied, negatives read as 0. */
  readonly linkVolume: Float64Array;
  /** 1 when BLOCKED in the current state. */
  readonly linkBlocked: Uint8Array;
  /** Inventory days with the default of 0 applied, negatives read as 0. */
  readonly linkInventoryDays: Float64Array;
  /** w(l) of §4: volume share among the customer's inbound links of the same product. */
  readonly linkShare: Float64Array;
  /** The customer-side port of each link. */
  readonly linkPort: Int32Array;
  /** The supplier-side port when the supplier is a pass-through, else -1. */
  readonly linkSourcePort: Int32Array;

  readonly portNode: Int32Array;
  readonly portProduct: Int32Array;
  /** Inbound links of port q are portLinks[portLinkStart[q] .. portLinkStart[q + 1] - 1]. */
  readonly portLinkStart: Int32Array;
  readonly portLinks: Int32Array;
  /** Pass-through ports only: outbound links of the product are outLinks[portOutStart[q] .. portOutEnd[q] - 1]. */
  readonly portOutStart: Int32Array;
  readonly portOutEnd: Int32Array;
  /** Pass-through ports only: volume of the product through the node (max of in and out). */
  readonly portWeight: Float64Array;

  /** Nodes of region r are regionNodes[regionNodeStart[r] .. regionNodeStart[r + 1] - 1]. */
  readonly regionNodeStart: Int32Array;
  readonly regionNodes: Int32Array;
  /** Links of mode m are modeLinks[modeLinkStart[m] .. modeLinkStart[m + 1] - 1]. */
  readonly modeLinkStart: Int32Array;
  readonly modeLinks: Int32Array;

  private readonly nodes: NodeColumns;
  private readonly links: LinkColumns;
  private linkIndexById: Map<string, number> | undefined;
  private readonly memo = new Map<string, unknown>();

  private constructor(nodes: NodeColumns, links: LinkColumns) {
    this.nodes = nodes;
    this.links = links;
    const n = nodes.ids.length;
    const m = links.ids.length;
    this.nodeCount = n;
    this.linkCount = m;
    this.nodeKind = nodes.kind;
    this.nodePassThrough = nodes.passThrough;
    this.nodeRegion = nodes.region;
    this.nodeStatus = nodes.status;
    this.nodeCapacityRecovery = nodes.capacityRecovery;
    this.nodeDailyCapacity = nodes.dailyCapacity;
    this.nodeDailyOutputValue = nodes.dailyOutputValue;
    this.nodeUnit = nodes.unit;
    this.linkFrom = links.from;
    this.linkTo = links.to;
    this.linkProduct = links.product;
    this.linkMode = links.mode;
    this.linkVolume = links.volume;
    this.linkBlocked = links.blocked;
    this.linkInventoryDays = links.inventoryDays;

    const productCount = links.productNames.length;
    const inSorted = sortByTwoKeys(links.to, n, links.product, productCount);
    const outSorted = sortByTwoKeys(links.from, n, links.product, productCount);
    const inStart = countStarts(links.to, n);
    const outStart = countStarts(links.from, n);
    this.nodeOutStart = outStart;
    this.outLinks = outSorted;

    // Ports: one per (node, inbound product); pass-throughs also get one per outbound-only product.
    let maxPorts = m;
    for (let l = 0; l < m; l++) if (nodes.passThrough[links.from[l]]) maxPorts++;
    const portNode = new Int32Array(maxPorts);
    const portProduct = new Int32Array(maxPorts);
    const portLinkStart = new Int32Array(maxPorts + 1);
    const portOutStart = new Int32Array(maxPorts);
    const portOutEnd = new Int32Array(maxPorts);
    const portWeight = new Float64Array(maxPorts);
    const nodePortStart = new Int32Array(n + 1);
    const nodePortWeightSum = new Float64Array(n);
    const linkPort = new Int32Array(m);
    const linkSourcePort = new Int32Array(m).fill(-1);
    const linkShare = new Float64Array(m);
    const volume = links.volume;
    let q = 0;
    for (let v = 0; v < n; v++) {
      nodePortStart[v] = q;
      const passThrough = nodes.passThrough[v] === 1;
      let i = inStart[v];
      const iEnd = inStart[v + 1];
      let o = outStart[v];
      const oEnd = outStart[v + 1];
      let weightSum = 0;
      while (i < iEnd || (passThrough && o < oEnd)) {
        const inProduct = i < iEnd ? links.product[inSorted[i]] : Infinity;
        const outProduct = passThrough && o < oEnd ? links.product[outSorted[o]] : Infinity;
        const product = Math.min(inProduct, outProduct);
        portNode[q] = v;
        portProduct[q] = product;
        portLinkStart[q] = i;
        let inVolume = 0;
        const groupStart = i;
        while (i < iEnd && links.product[inSorted[i]] === product) {
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
          while (o < oEnd && links.product[outSorted[o]] === product) {
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
    this.portCount = q;
    this.nodePortStart = nodePortStart;
    this.portNode = portNode.slice(0, q);
    this.portProduct = portProduct.slice(0, q);
    this.portLinkStart = portLinkStart.slice(0, q + 1);
    this.portLinks = inSorted;
    this.portOutStart = portOutStart.slice(0, q);
    this.portOutEnd = portOutEnd.slice(0, q);
    this.portWeight = portWeight.slice(0, q);
    this.nodePortWeightSum = nodePortWeightSum;
    this.linkPort = linkPort;
    this.linkSourcePort = linkSourcePort;
    this.linkShare = linkShare;

    const regionCount = nodes.regionNames.length;
    this.regionNodeStart = countStarts(nodes.region, regionCount);
    this.regionNodes = sortByTwoKeys(nodes.region, regionCount, new Int32Array(n), 1);
    this.modeLinkStart = countStarts(links.mode, TRANSPORT_MODES.length);
    this.modeLinks = sortByTwoKeys(links.mode, TRANSPORT_MODES.length, new Int32Array(m), 1);
  }

  /** Builds the index. Throws on duplicate enterprise ids and on links to unknown enterprises, naming them. */
  static build(input: SupplyGraphInput): SupplyGraph {
    const enterprises = input.enterprises;
    const n = enterprises.length;
    const ids: string[] = new Array<string>(n);
    const indexById = new Map<string, number>();
    const kind = new Uint8Array(n);
    const passThrough = new Uint8Array(n);
    const region = new Int32Array(n);
    const regionNames: string[] = [];
    const regionIndexByName = new Map<string, number>();
    const park: (string | null)[] = new Array<string | null>(n);
    const status = new Uint8Array(n);
    const capacityRecovery = new Float64Array(n);
    const dailyCapacity = new Float64Array(n);
    const dailyOutputValue = new Float64Array(n);
    const unit = new Int32Array(n);
    const unitNames: string[] = [];
    const unitIndexByName = new Map<string, number>();
    const duplicates: string[] = [];
    for (let v = 0; v < n; v++) {
      const e = enterprises[v];
      if (indexById.has(e.id)) duplicates.push(e.id);
      ids[v] = e.id;
      indexById.set(e.id, v);
      const k = KIND_INDEX.get(e.kind);
      if (k === undefined) throw new Error(`Enterprise ${e.id} has unknown kind ${String(e.kind)}`);
      kind[v] = k;
      passThrough[v] = PASS_THROUGH_KIND_FLAGS[k] ? 1 : 0;
      region[v] = intern(e.region, regionNames, regionIndexByName);
      park[v] = e.park;
      const s = STATUS_INDEX.get(e.status);
      if (s === undefined) throw new Error(`Enterprise ${e.id} has unknown status ${String(e.status)}`);
      status[v] = s;
      capacityRecovery[v] = clamp01(e.capacityRecovery);
      dailyCapacity[v] = e.dailyCapacity ?? NaN;
      dailyOutputValue[v] = e.dailyOutputValue ?? NaN;
      unit[v] = e.unit === null || e.unit === undefined ? -1 : intern(e.unit, unitNames, unitIndexByName);
    }
    if (duplicates.length > 0) throw new Error(`Duplicate enterprise ids: ${listForError(duplicates)}`);
    const nodes: NodeColumns = {
      ids,
      indexById,
      kind,
      passThrough,
      region,
      regionNames,
      regionIndexByName,
      park,
      status,
      capacityRecovery,
      dailyCapacity,
      dailyOutputValue,
      unit,
      unitNames,
    };
    return new SupplyGraph(nodes, buildLinkColumns(indexById, input.links, undefined));
  }

  /**
   * A new graph with the same enterprises and these links added (OPEN or as
   * given). Used to evaluate virtual links, e.g. an alternative supplier. The
   * original links keep their indices; the extra ones follow.
   */
  withExtraLinks(extraLinks: readonly EngineLink[]): SupplyGraph {
    return new SupplyGraph(this.nodes, buildLinkColumns(this.nodes.indexById, extraLinks, this.links));
  }

  nodeIndex(id: string): number {
    return this.nodes.indexById.get(id) ?? -1;
  }

  linkIndex(id: string): number {
    if (this.linkIndexById === undefined) {
      // Built on first use: a map of millions of link ids is the largest single structure.
      const map = new Map<string, number>();
      const ids = this.links.ids;
      for (let l = ids.length - 1; l >= 0; l--) map.set(ids[l], l);
      this.linkIndexById = map;
    }
    return this.linkIndexById.get(id) ?? -1;
  }

  regionIndex(name: string): number {
    return this.nodes.regionIndexByName.get(name) ?? -1;
  }

  productIndex(name: string): number {
    return this.links.productIndexByName.get(name) ?? -1;
  }

  enterpriseId(index: number): string {
    return this.nodes.ids[index];
  }

  linkId(index: number): string {
    return this.links.ids[index];
  }

  kind(index: number): EnterpriseKind {
    return ENTERPRISE_KINDS[this.nodeKind[index]];
  }

  status(index: number): EnterpriseStatus {
    return ENTERPRISE_STATUSES[this.nodeStatus[index]];
  }

  isPassThrough(index: number): boolean {
    return this.nodePassThrough[index] === 1;
  }

  regionName(index: number): string {
    return this.nodes.regionNames[this.nodeRegion[index]];
  }

  park(index: number): string | null {
    return this.nodes.park[index];
  }

  dailyCapacity(index: number): number | null {
    const capacity = this.nodeDailyCapacity[index];
    return Number.isNaN(capacity) ? null : capacity;
  }

  /** CNY per day of normal full output (§8), or null when unknown. */
  dailyOutputValue(index: number): number | null {
    const value = this.nodeDailyOutputValue[index];
    return Number.isNaN(value) ? null : value;
  }

  unit(index: number): string | null {
    const u = this.nodeUnit[index];
    return u < 0 ? null : this.nodes.unitNames[u];
  }

  /** A unit by its position in nodeUnit. */
  unitName(unitIndex: number): string {
    return this.nodes.unitNames[unitIndex];
  }

  get unitCount(): number {
    return this.nodes.unitNames.length;
  }

  productName(productIndex: number): string {
    return this.links.productNames[productIndex];
  }

  mode(linkIndex: number): TransportMode {
    return TRANSPORT_MODES[this.linkMode[linkIndex]];
  }

  get productCount(): number {
    return this.links.productNames.length;
  }

  get regionCount(): number {
    return this.nodes.regionNames.length;
  }

  /** Per-snapshot memo for derived structures (baselines, scratch space). */
  memoize<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    this.memo.set(key, value);
    return value;
  }
}

function buildLinkColumns(
  indexById: Map<string, number>,
  input: readonly EngineLink[],
  previous: LinkColumns | undefined,
): LinkColumns {
  const offset = previous === undefined ? 0 : previous.ids.length;
  const m = offset + input.length;
  const ids: string[] =
    previous === undefined ? new Array<string>(m) : previous.ids.concat(new Array<string>(input.length));
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const product = new Int32Array(m);
  const mode = new Uint8Array(m);
  const volume = new Float64Array(m);
  const blocked = new Uint8Array(m);
  const inventoryDays = new Float64Array(m);
  const productNames = previous === undefined ? [] : previous.productNames.slice();
  const productIndexByName = previous === undefined ? new Map<string, number>() : new Map(previous.productIndexByName);
  if (previous !== undefined) {
    from.set(previous.from);
    to.set(previous.to);
    product.set(previous.product);
    mode.set(previous.mode);
    volume.set(previous.volume);
    blocked.set(previous.blocked);
    inventoryDays.set(previous.inventoryDays);
  }
  const unknown: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const link = input[i];
    const l = offset + i;
    ids[l] = link.id;
    const u = indexById.get(link.from);
    const v = indexById.get(link.to);
    if (u === undefined || v === undefined) {
      const missing = [u === undefined ? `from ${link.from}` : '', v === undefined ? `to ${link.to}` : '']
        .filter(Boolean)
        .join(', ');
      unknown.push(`${link.id} (${missing})`);
      continue;
    }
    from[l] = u;
    to[l] = v;
    product[l] = intern(link.product, productNames, productIndexByName);
    const modeIndex = MODE_INDEX.get(link.mode);
    if (modeIndex === undefined) throw new Error(`Link ${link.id} has unknown mode ${String(link.mode)}`);
    mode[l] = modeIndex;
    volume[l] = Math.max(0, link.volume ?? 1);
    blocked[l] = link.status === 'BLOCKED' ? 1 : 0;
    inventoryDays[l] = Math.max(0, link.inventoryDays ?? 0);
  }
  if (unknown.length > 0) throw new Error(`Links to unknown enterprises: ${listForError(unknown)}`);
  return { ids, from, to, product, productNames, productIndexByName, mode, volume, blocked, inventoryDays };
}

function intern(name: string, names: string[], indexByName: Map<string, number>): number {
  let index = indexByName.get(name);
  if (index === undefined) {
    index = names.length;
    names.push(name);
    indexByName.set(name, index);
  }
  return index;
}

function clamp01(x: number): number {
  if (!(x > 0)) return 0;
  return x > 1 ? 1 : x;
}

function listForError(items: string[]): string {
  const shown = items.slice(0, 20).join(', ');
  return items.length > 20 ? `${shown} and ${items.length - 20} more` : shown;
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
