import { GraphColumnsBuilder, type LinkColumns, type NodeColumns } from './graph-columns';
import { indexColumns, type GraphIndex } from './graph-index';
import { appendLinksToIndex } from './graph-index-append';
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  TRANSPORT_MODES,
  type EngineLink,
  type EnterpriseKind,
  type EnterpriseStatus,
  type SupplyGraphInput,
  type TransportMode,
} from './graph-input';
import { deriveCurrentState, type BaseState } from './base-state';
import { patchColumns, type GraphPatch } from './graph-patch';
import { renumberColumns } from './renumber-in-rank-order';
import { byteSize } from './shared-arrays';
import { StringTable, type StringTableData } from './string-table';
import { extendVariableOrder, type VariableOrder } from './topological-rank';

export { DOWN_STATUS_FLAGS } from './graph-columns';

/**
 * A graph as plain data over shared memory: post it to a worker thread and
 * rebuild it there with SupplyGraph.fromTransferable, without copying any
 * array. `memo` carries derived structures already computed (orders,
 * baselines, bounds), so the worker need not compute them again.
 */
export interface TransferableSupplyGraph {
  nodes: Omit<NodeColumns, 'ids'> & { ids: StringTableData };
  links: Omit<LinkColumns, 'ids'> & { ids: StringTableData };
  index: GraphIndex;
  memo: Record<string, unknown>;
}

/** What graph.memoryUsage() reports, in bytes. */
export interface GraphMemoryUsage {
  /** Enterprise and link id tables. */
  ids: number;
  /** Input columns and the derived index. */
  columns: number;
  /** Memoised derived structures (orders, baselines, bounds) and scratch space. */
  derived: number;
}

/**
 * Immutable compact index of one graph snapshot, shared by every evaluation.
 * Everything is a typed array indexed by dense integers, in shared memory, so
 * that graphs of millions of enterprises fit in memory, scans stay cheap and
 * worker threads can read the same copy. Ids live in one string table each.
 *
 * Enterprise i is the i-th input row and link l the l-th (a patched graph
 * keeps the rows that stay in order and appends new ones; the service
 * renumbers the enterprises of a graph it reads whole in the order sweeps
 * visit them, see renumberInRankOrder). Inbound links are
 * grouped into ports: one port per (customer, product), because §3 ORs
 * suppliers of one product and ANDs products. A pass-through also gets a port
 * for every product it only ships (it originates it), so a pass-through's
 * per-product state always lives on a port.
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
  /** Position of link l in outLinks. */
  readonly linkOutPosition: Int32Array;

  /**
   * Per position i of outLinks, copies of what the propagation reads about
   * link outLinks[i], so a supplier's links are read from consecutive memory:
   * its customer-side port, the variable it feeds (see topological-rank.ts),
   * its share and its inventory days.
   */
  readonly outPort: Int32Array;
  readonly outTarget: Int32Array;
  readonly outShare: Float64Array;
  readonly outInventoryDays: Float64Array;
  /** Per position j of portLinks, the variable whose value link portLinks[j] carries (see topological-rank.ts). */
  readonly inSource: Int32Array;

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
  private readonly index: GraphIndex;
  private regionIndexByName: Map<string, number> | undefined;
  private productIndexByName: Map<string, number> | undefined;
  private readonly memo = new Map<string, unknown>();
  /** Derived structures that can be computed from the previous graph's, on first use. */
  private readonly derivations = new Map<string, () => unknown>();

  private constructor(nodes: NodeColumns, links: LinkColumns, index: GraphIndex) {
    this.nodes = nodes;
    this.links = links;
    this.index = index;
    this.nodeCount = nodes.kind.length;
    this.linkCount = links.from.length;
    this.portCount = index.portNode.length;
    this.nodeKind = nodes.kind;
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
    this.nodePassThrough = index.nodePassThrough;
    this.nodePortStart = index.nodePortStart;
    this.nodeOutStart = index.nodeOutStart;
    this.outLinks = index.outLinks;
    this.nodePortWeightSum = index.nodePortWeightSum;
    this.linkShare = index.linkShare;
    this.linkPort = index.linkPort;
    this.linkSourcePort = index.linkSourcePort;
    this.linkOutPosition = index.linkOutPosition;
    this.outPort = index.outPort;
    this.outTarget = index.outTarget;
    this.outShare = index.outShare;
    this.outInventoryDays = index.outInventoryDays;
    this.inSource = index.inSource;
    this.portNode = index.portNode;
    this.portProduct = index.portProduct;
    this.portLinkStart = index.portLinkStart;
    this.portLinks = index.portLinks;
    this.portOutStart = index.portOutStart;
    this.portOutEnd = index.portOutEnd;
    this.portWeight = index.portWeight;
    this.regionNodeStart = index.regionNodeStart;
    this.regionNodes = index.regionNodes;
    this.modeLinkStart = index.modeLinkStart;
    this.modeLinks = index.modeLinks;
  }

  /** Builds the index. Throws on duplicate enterprise ids and on links to unknown enterprises, naming them. */
  static build(input: SupplyGraphInput): SupplyGraph {
    const builder = new GraphColumnsBuilder();
    for (const e of input.enterprises) builder.addEnterprise(e);
    for (const l of input.links) builder.addLink(l);
    const { nodes, links } = builder.build();
    return SupplyGraph.fromColumns(nodes, links);
  }

  /** A graph over columns built elsewhere (see SupplyGraphBuilder for streaming rows in). */
  static fromColumns(nodes: NodeColumns, links: LinkColumns, index?: GraphIndex): SupplyGraph {
    return new SupplyGraph(nodes, links, index ?? indexColumns(nodes, links));
  }

  /** The graph posted by toTransferable() in another thread, over the same shared memory. */
  static fromTransferable(shared: TransferableSupplyGraph): SupplyGraph {
    const graph = new SupplyGraph(
      { ...shared.nodes, ids: new StringTable(shared.nodes.ids) },
      { ...shared.links, ids: new StringTable(shared.links.ids) },
      shared.index,
    );
    for (const [key, value] of Object.entries(shared.memo)) graph.memo.set(key, value);
    return graph;
  }

  /**
   * This graph as plain data for postMessage: every array is in shared
   * memory, so posting it copies only the small name lists. Derived
   * structures memoised so far travel along (call prepare() first to
   * compute them once for every thread).
   */
  toTransferable(): TransferableSupplyGraph {
    const memo: Record<string, unknown> = {};
    for (const [key, value] of this.memo) if (isShareable(value)) memo[key] = value;
    return {
      nodes: { ...this.nodes, ids: this.nodes.ids.data },
      links: { ...this.links, ids: this.links.ids.data },
      index: this.index,
      memo,
    };
  }

  /**
   * A new graph with the patch applied (README §1 rows by id; see GraphPatch).
   * This graph is unchanged, so evaluations running on it are unaffected.
   * Unchanged columns are shared, not copied; a patch of statuses alone keeps
   * the index and the derived structures that do not depend on statuses.
   * Throws, changing nothing, on unknown ids and links to unknown enterprises.
   */
  patch(patch: GraphPatch): SupplyGraph {
    const patched = patchColumns(this, this.nodes, this.links, patch);
    if (patched.appendedFrom !== null)
      return this.withAppendedLinks(patched.nodes, patched.links, patched.appendedFrom);
    const graph = new SupplyGraph(
      patched.nodes,
      patched.links,
      patched.reindex ? indexColumns(patched.nodes, patched.links) : this.index,
    );
    for (const [key, value] of this.memo) {
      if (patched.keepsMemo(key) && isShareable(value)) graph.memo.set(key, value);
    }
    const baseline = this.memo.get('baseline:current-state') as BaseState | undefined;
    const change = patched.stateChange;
    if (baseline !== undefined && change !== null && !graph.memo.has('baseline:current-state')) {
      graph.derivations.set('baseline:current-state', () => deriveCurrentState(graph, baseline, change));
    }
    return graph;
  }

  /** A structure derivable from the graph this one was patched from, taken once (see baseStateOf). */
  takeDerivation<T>(key: string): (() => T) | undefined {
    const derive = this.derivations.get(key);
    this.derivations.delete(key);
    return derive as (() => T) | undefined;
  }

  /**
   * The same graph with enterprise i at index remap[i] (a permutation): the
   * index and every derived structure are built afresh. See renumberInRankOrder.
   */
  renumbered(remap: Int32Array): SupplyGraph {
    const { nodes, links } = renumberColumns(this.nodes, this.links, remap);
    return SupplyGraph.fromColumns(nodes, links);
  }

  /** New links only: the index and the variable order are extended rather than derived again. */
  private withAppendedLinks(nodes: NodeColumns, links: LinkColumns, firstNew: number): SupplyGraph {
    const { index, portInsertions, outInsertions, addedPorts } = appendLinksToIndex(this.index, nodes, links, firstNew);
    const graph = new SupplyGraph(nodes, links, index);
    const order = this.memo.get('variable-order') as VariableOrder | undefined;
    const extended = order && extendVariableOrder(graph, order, portInsertions, outInsertions, addedPorts, firstNew);
    if (extended) graph.memo.set('variable-order', extended);
    // The enterprises and their ids are the same.
    const idOrder = this.memo.get('id-order');
    if (idOrder !== undefined) graph.memo.set('id-order', idOrder);
    return graph;
  }

  /**
   * A new graph with the same enterprises and these links added (OPEN or as
   * given). Used to evaluate virtual links, e.g. an alternative supplier. The
   * original links keep their indices; the extra ones follow.
   */
  withExtraLinks(extraLinks: readonly EngineLink[]): SupplyGraph {
    return this.patch({ appendLinks: extraLinks });
  }

  nodeIndex(id: string): number {
    return this.nodes.ids.indexOf(id);
  }

  linkIndex(id: string): number {
    return this.links.ids.indexOf(id);
  }

  /** The region's index, or -1 when no enterprise of the graph is in it. */
  regionIndex(name: string): number {
    this.regionIndexByName ??= new Map(this.nodes.regionNames.map((region, r) => [region, r]));
    const r = this.regionIndexByName.get(name) ?? -1;
    return r >= 0 && this.regionNodeStart[r] < this.regionNodeStart[r + 1] ? r : -1;
  }

  /** The product's index, or -1 when no link of the graph carries it. */
  productIndex(name: string): number {
    this.productIndexByName ??= new Map(this.links.productNames.map((product, p) => [product, p]));
    const p = this.productIndexByName.get(name) ?? -1;
    return p >= 0 && this.productUsed()[p] === 1 ? p : -1;
  }

  enterpriseId(index: number): string {
    return this.nodes.ids.get(index);
  }

  linkId(index: number): string {
    return this.links.ids.get(index);
  }

  /** Order of two enterprises' ids as JavaScript's < orders the strings. */
  compareEnterpriseIds(a: number, b: number): number {
    return this.nodes.ids.compare(a, b);
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

  /** Name of region index r (as nodeRegion holds it). */
  regionNameAt(r: number): string {
    return this.nodes.regionNames[r];
  }

  park(index: number): string | null {
    const park = this.nodes.park[index];
    return park < 0 ? null : this.nodes.parkNames[park];
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

  /** Size of the product index space (products no longer carried by any link included). */
  get productCount(): number {
    return this.links.productNames.length;
  }

  /** Size of the region index space (regions left without enterprises included). */
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

  /** Lets go of a memoized structure; the next memoize() of `key` makes it again. */
  forget(key: string): void {
    this.memo.delete(key);
  }

  /** Bytes held by this graph's buffers, each counted once (a patched graph shares some with its predecessor). */
  memoryUsage(): GraphMemoryUsage {
    const seen = new Set<ArrayBufferLike>();
    const ids = byteSize([...Object.values(this.nodes.ids.data), ...Object.values(this.links.ids.data)], seen);
    const columns = byteSize(
      [...Object.values(this.nodes), ...Object.values(this.links), ...Object.values(this.index)],
      seen,
    );
    let derived = 0;
    for (const value of this.memo.values()) {
      if (value !== null && typeof value === 'object') derived += byteSize(Object.values(value), seen);
    }
    return { ids, columns, derived };
  }

  private productUsed(): Uint8Array {
    return this.memoize('products-used', () => {
      const used = new Uint8Array(this.productCount);
      for (let l = 0; l < this.linkCount; l++) used[this.linkProduct[l]] = 1;
      return used;
    });
  }
}

/** A memo value other threads can use as it is: a plain record of shared arrays and numbers. */
function isShareable(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(
    (field) =>
      typeof field === 'number' ||
      (ArrayBuffer.isView(field) && (field as Uint8Array).buffer instanceof SharedArrayBuffer),
  );
}
