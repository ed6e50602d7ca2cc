import {
  DOWN_STATUS_FLAGS,
  clamp01,
  inventoryDaysOf,
  kindIndexOf,
  linkVolumeOf,
  listForError,
  modeIndexOf,
  NameIndex,
  statusIndexOf,
  type LinkColumns,
  type NodeColumns,
} from './graph-columns';
import type { EngineEnterprise, EngineLink, EnterpriseStatus, LinkStatus } from './graph-input';
import { grown, shareCopy, type ShareableArray } from './shared-arrays';
import type { SupplyGraph } from './supply-graph';

export interface EnterpriseStatusChange {
  id: string;
  status: EnterpriseStatus;
  /** Kept as it is when absent or null. */
  capacityRecovery?: number | null;
}

export interface LinkStatusChange {
  id: string;
  status: LinkStatus;
}

/**
 * Changes to a graph, applied in this order: links deleted, enterprises
 * deleted (with every link to or from them), enterprises upserted, links
 * upserted, then status changes. An upsert replaces every field of the row
 * with that id, or appends a new row; a later row with the same id wins.
 */
export interface GraphPatch {
  upsertEnterprises?: readonly EngineEnterprise[];
  deleteEnterprises?: readonly string[];
  upsertLinks?: readonly EngineLink[];
  deleteLinks?: readonly string[];
  enterpriseStatuses?: readonly EnterpriseStatusChange[];
  linkStatuses?: readonly LinkStatusChange[];
  /** Appended as new links even when their id exists (virtual links of withExtraLinks). */
  appendLinks?: readonly EngineLink[];
}

/** A change of statuses that only makes the current state worse, as base-state.ts can propagate it. */
export interface StateDelta {
  downNodes: number[];
  blockedLinks: number[];
  /** Enterprises that stay up with a lower capacityRecovery. */
  ownChanged: number[];
}

export interface PatchedColumns {
  nodes: NodeColumns;
  links: LinkColumns;
  /** The derived index must be rebuilt (otherwise the old one still describes the columns). */
  reindex: boolean;
  /**
   * When the only change to the structure is links appended from this index
   * on (between enterprises that were there), the old index can be extended
   * instead of rebuilt (graph-index-append.ts).
   */
  appendedFrom: number | null;
  /** When only statuses changed, and only for the worse: what the current state lost. */
  stateChange: StateDelta | null;
  /** Whether a memoised derived structure of the old graph still holds for the new one. */
  keepsMemo(key: string): boolean;
}

/**
 * Applies a patch to columns without touching the old ones: a column that
 * changes is copied once, the others are shared. Deleting rows compacts the
 * columns (the rows after a deleted one move up); new rows are appended.
 */
export function patchColumns(
  graph: SupplyGraph,
  nodes: NodeColumns,
  links: LinkColumns,
  patch: GraphPatch,
): PatchedColumns {
  const n = nodes.kind.length;
  const m = links.from.length;
  const unknown: string[] = [];
  const changes = {
    structure: false,
    volume: false,
    capacity: false,
    nodeIds: false,
    any: false,
    reindex: false,
    /** A kind or region, or an existing link's endpoints, product, mode, volume or stock changed. */
    inPlace: false,
  };

  // 1-2. Deletions, as flags on the old rows.
  let removedLinks: Uint8Array | null = null;
  const removeLink = (l: number): void => {
    removedLinks ??= new Uint8Array(m);
    removedLinks[l] = 1;
  };
  for (const id of patch.deleteLinks ?? []) {
    const l = links.ids.indexOf(id);
    if (l < 0) unknown.push(`link ${id}`);
    else removeLink(l);
  }
  let removedNodes: Uint8Array | null = null;
  for (const id of patch.deleteEnterprises ?? []) {
    const v = nodes.ids.indexOf(id);
    if (v < 0) {
      unknown.push(`enterprise ${id}`);
      continue;
    }
    removedNodes ??= new Uint8Array(n);
    removedNodes[v] = 1;
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) removeLink(graph.outLinks[i]);
    const inStart = graph.portLinkStart[graph.nodePortStart[v]];
    const inEnd = graph.portLinkStart[graph.nodePortStart[v + 1]];
    for (let i = inStart; i < inEnd; i++) removeLink(graph.portLinks[i]);
  }
  if (unknown.length > 0) throw new Error(`Patch names unknown ${listForError(unknown)}`);

  // 3. Enterprises: replaced in place or appended.
  const replacedNodes = new Map<number, EngineEnterprise>();
  const addedNodes = new Map<string, EngineEnterprise>();
  for (const e of patch.upsertEnterprises ?? []) {
    kindIndexOf(e);
    statusIndexOf(e.id, e.status);
    const v = nodes.ids.indexOf(e.id);
    if (v >= 0 && removedNodes?.[v] !== 1) replacedNodes.set(v, e);
    else addedNodes.set(e.id, e);
  }
  const nodeRemap = remapOf(removedNodes, n);
  const keptNodes = n - countFlags(removedNodes);
  const newN = keptNodes + addedNodes.size;
  const addedNodeIndex = new Map([...addedNodes.keys()].map((id, k) => [id, keptNodes + k]));
  const nodeIndexAfter = (id: string): number => {
    const v = nodes.ids.indexOf(id);
    if (v >= 0 && removedNodes?.[v] !== 1) return nodeRemap === null ? v : nodeRemap[v];
    return addedNodeIndex.get(id) ?? -1;
  };

  const regions = new NameIndex(nodes.regionNames);
  const parks = new NameIndex(nodes.parkNames);
  const units = new NameIndex(nodes.unitNames);
  const nodeColumn = columnWriter(nodeRemap, newN, () => (changes.any = true));
  const kind = nodeColumn(nodes.kind);
  const status = nodeColumn(nodes.status);
  const region = nodeColumn(nodes.region);
  const park = nodeColumn(nodes.park);
  const capacityRecovery = nodeColumn(nodes.capacityRecovery);
  const dailyCapacity = nodeColumn(nodes.dailyCapacity);
  const dailyOutputValue = nodeColumn(nodes.dailyOutputValue);
  const unit = nodeColumn(nodes.unit);
  const writeNode = (v: number, e: EngineEnterprise): void => {
    const k = kindIndexOf(e);
    if (kind.set(v, k)) changes.structure = changes.inPlace = true;
    status.set(v, statusIndexOf(e.id, e.status));
    if (region.set(v, regions.intern(e.region))) changes.reindex = changes.inPlace = true;
    park.set(v, e.park === null || e.park === undefined ? -1 : parks.intern(e.park));
    capacityRecovery.set(v, clamp01(e.capacityRecovery));
    if (dailyCapacity.set(v, e.dailyCapacity ?? NaN)) changes.capacity = true;
    if (dailyOutputValue.set(v, e.dailyOutputValue ?? NaN)) changes.capacity = true;
    unit.set(v, e.unit === null || e.unit === undefined ? -1 : units.intern(e.unit));
  };
  for (const [v, e] of replacedNodes) writeNode(nodeRemap === null ? v : nodeRemap[v], e);
  let at = keptNodes;
  for (const e of addedNodes.values()) writeNode(at++, e);

  // 4-5. Links: replaced in place or appended, endpoints resolved against the new enterprises.
  const replacedLinks = new Map<number, EngineLink>();
  const addedLinks = new Map<string, EngineLink>();
  for (const link of patch.upsertLinks ?? []) {
    const l = links.ids.indexOf(link.id);
    if (l >= 0 && removedLinks?.[l] !== 1) replacedLinks.set(l, link);
    else addedLinks.set(link.id, link);
  }
  const appended = [...addedLinks.values(), ...(patch.appendLinks ?? [])];
  const linkRemap = remapOf(removedLinks, m);
  const keptLinks = m - countFlags(removedLinks);
  const newM = keptLinks + appended.length;
  const products = new NameIndex(links.productNames);
  const linkColumn = columnWriter(linkRemap, newM, () => (changes.any = true));
  const from = linkColumn(links.from, nodeRemap);
  const to = linkColumn(links.to, nodeRemap);
  const product = linkColumn(links.product);
  const mode = linkColumn(links.mode);
  const volume = linkColumn(links.volume);
  const blocked = linkColumn(links.blocked);
  const inventoryDays = linkColumn(links.inventoryDays);
  const writeLink = (l: number, link: EngineLink): void => {
    const u = nodeIndexAfter(link.from);
    const v = nodeIndexAfter(link.to);
    if (u < 0 || v < 0) {
      const missing = [u < 0 ? `from ${link.from}` : '', v < 0 ? `to ${link.to}` : ''].filter(Boolean).join(', ');
      unknown.push(`${link.id} (${missing})`);
      return;
    }
    // An existing link whose structure changes rules out extending the old index (appendedFrom).
    const productIndex = products.intern(link.product);
    if (l < keptLinks && linkRemap === null && nodeRemap === null) {
      const moved = links.from[l] !== u || links.to[l] !== v || links.product[l] !== productIndex;
      const reshaped =
        links.mode[l] !== modeIndexOf(link) ||
        links.volume[l] !== linkVolumeOf(link) ||
        links.inventoryDays[l] !== inventoryDaysOf(link);
      if (moved || reshaped) changes.inPlace = true;
    }
    const movedFrom = from.set(l, u);
    const movedTo = to.set(l, v);
    if (product.set(l, productIndex) || movedFrom || movedTo) changes.structure = true;
    if (mode.set(l, modeIndexOf(link))) changes.reindex = true;
    if (volume.set(l, linkVolumeOf(link))) changes.volume = true;
    blocked.set(l, link.status === 'BLOCKED' ? 1 : 0);
    if (inventoryDays.set(l, inventoryDaysOf(link))) changes.reindex = true;
  };
  for (const [l, link] of replacedLinks) writeLink(linkRemap === null ? l : linkRemap[l], link);
  appended.forEach((link, k) => writeLink(keptLinks + k, link));
  if (unknown.length > 0) throw new Error(`Links to unknown enterprises: ${listForError(unknown)}`);

  // 6. Statuses.
  for (const change of patch.enterpriseStatuses ?? []) {
    const v = nodeIndexAfter(change.id);
    if (v < 0) {
      unknown.push(`enterprise ${change.id}`);
      continue;
    }
    status.set(v, statusIndexOf(change.id, change.status));
    if (change.capacityRecovery !== null && change.capacityRecovery !== undefined) {
      capacityRecovery.set(v, clamp01(change.capacityRecovery));
    }
  }
  for (const change of patch.linkStatuses ?? []) {
    const l = links.ids.indexOf(change.id);
    if (l < 0 || removedLinks?.[l] === 1) {
      const added = appended.findIndex((link) => link.id === change.id);
      if (added < 0) unknown.push(`link ${change.id}`);
      else blocked.set(keptLinks + added, change.status === 'BLOCKED' ? 1 : 0);
      continue;
    }
    blocked.set(linkRemap === null ? l : linkRemap[l], change.status === 'BLOCKED' ? 1 : 0);
  }
  if (unknown.length > 0) throw new Error(`Patch names unknown ${listForError(unknown)}`);

  const nodesResized = removedNodes !== null || addedNodes.size > 0;
  const linksResized = removedLinks !== null || appended.length > 0;
  if (nodesResized || linksResized) changes.structure = changes.any = true;
  changes.nodeIds = nodesResized;
  const reindex = changes.structure || changes.volume || changes.reindex;
  const newNodes: NodeColumns = {
    ids: nodesResized ? nodes.ids.derive(nodeRemap, [...addedNodes.keys()]) : nodes.ids,
    kind: kind.result(),
    status: status.result(),
    region: region.result(),
    park: park.result(),
    capacityRecovery: capacityRecovery.result(),
    dailyCapacity: dailyCapacity.result(),
    dailyOutputValue: dailyOutputValue.result(),
    unit: unit.result(),
    regionNames: regions.names.length === nodes.regionNames.length ? nodes.regionNames : regions.names,
    parkNames: parks.names.length === nodes.parkNames.length ? nodes.parkNames : parks.names,
    unitNames: units.names.length === nodes.unitNames.length ? nodes.unitNames : units.names,
  };
  const newLinks: LinkColumns = {
    ids: linksResized
      ? links.ids.derive(
          linkRemap,
          appended.map((link) => link.id),
        )
      : links.ids,
    from: from.result(),
    to: to.result(),
    product: product.result(),
    mode: mode.result(),
    volume: volume.result(),
    blocked: blocked.result(),
    inventoryDays: inventoryDays.result(),
    productNames: products.names.length === links.productNames.length ? links.productNames : products.names,
  };
  const keepsMemo = (key: string): boolean => {
    if (!changes.any) return true;
    if (key === 'variable-order') return !changes.structure;
    if (key === 'baseline:all-operating') return !changes.structure && !changes.volume;
    if (key === 'loss-bounds:false') return !changes.structure && !changes.volume && !changes.capacity;
    if (key === 'id-order') return !changes.nodeIds;
    if (key === 'in-link-columns') return !changes.structure && !changes.volume && !changes.reindex;
    return false;
  };
  const appendedFrom =
    reindex && !nodesResized && removedLinks === null && !changes.inPlace && appended.length > 0 ? keptLinks : null;
  const stateChange = reindex || nodesResized || linksResized ? null : worsening(nodes, newNodes, links, newLinks);
  return { nodes: newNodes, links: newLinks, reindex, appendedFrom, stateChange, keepsMemo };
}

/** What the current state lost between two sets of columns of the same rows; null when anything got better. */
function worsening(
  nodes: NodeColumns,
  next: NodeColumns,
  links: LinkColumns,
  nextLinks: LinkColumns,
): StateDelta | null {
  const delta: StateDelta = { downNodes: [], blockedLinks: [], ownChanged: [] };
  if (next.status !== nodes.status || next.capacityRecovery !== nodes.capacityRecovery) {
    for (let v = 0; v < nodes.status.length; v++) {
      const wasDown = DOWN_STATUS_FLAGS[nodes.status[v]];
      const isDown = DOWN_STATUS_FLAGS[next.status[v]];
      if (wasDown && !isDown) return null;
      if (isDown) {
        if (!wasDown) delta.downNodes.push(v);
        continue;
      }
      if (next.capacityRecovery[v] > nodes.capacityRecovery[v]) return null;
      if (next.capacityRecovery[v] < nodes.capacityRecovery[v]) delta.ownChanged.push(v);
    }
  }
  if (nextLinks.blocked !== links.blocked) {
    for (let l = 0; l < links.blocked.length; l++) {
      if (links.blocked[l] === 1 && nextLinks.blocked[l] === 0) return null;
      if (links.blocked[l] === 0 && nextLinks.blocked[l] === 1) delta.blockedLinks.push(l);
    }
  }
  return delta;
}

/** Old index -> new index after removing flagged rows, or null when nothing is removed. */
function remapOf(removed: Uint8Array | null, count: number): Int32Array | null {
  if (removed === null) return null;
  const remap = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < count; i++) remap[i] = removed[i] === 1 ? -1 : next++;
  return remap;
}

function countFlags(flags: Uint8Array | null): number {
  if (flags === null) return 0;
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i];
  return count;
}

interface ColumnWriter<T extends ShareableArray> {
  /** Writes row i of the new column; true when the value differs from what the row held. */
  set(i: number, value: number): boolean;
  /** The new column: the old one itself when nothing changed. */
  result(): T;
}

/**
 * Copy-on-write columns of `length` rows: rows kept from the old column move
 * by `remap` (values optionally mapped by `valueRemap`, for node indices held
 * by link columns), new rows are zero until set.
 */
function columnWriter(
  remap: Int32Array | null,
  length: number,
  onChange: () => void,
): <T extends ShareableArray>(old: T, valueRemap?: Int32Array | null) => ColumnWriter<T> {
  return <T extends ShareableArray>(old: T, valueRemap: Int32Array | null = null): ColumnWriter<T> => {
    let copy: T | null = null;
    const materialize = (): T => {
      if (copy !== null) return copy;
      if (remap === null && valueRemap === null && length === old.length) {
        copy = shareCopy(old);
        return copy;
      }
      if (remap === null && valueRemap === null && length > old.length) {
        // Rows appended: into spare room after the old rows when there is some, else one block copy.
        copy = grown(old, length);
        copy.fill(0, old.length);
        return copy;
      }
      const Kind = old.constructor as new (buffer: SharedArrayBuffer) => T;
      const next = new Kind(new SharedArrayBuffer(old.BYTES_PER_ELEMENT * length));
      for (let i = 0; i < old.length; i++) {
        const to = remap === null ? i : remap[i];
        if (to >= 0) next[to] = valueRemap === null ? old[i] : valueRemap[old[i]];
      }
      copy = next;
      return copy;
    };
    if (remap !== null || valueRemap !== null || length !== old.length) materialize();
    return {
      set(i: number, value: number): boolean {
        if (Object.is((copy ?? old)[i], value)) return false;
        materialize()[i] = value;
        onChange();
        return true;
      },
      result: () => copy ?? old,
    };
  };
}
