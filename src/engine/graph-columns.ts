import {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  TRANSPORT_MODES,
  type EngineEnterprise,
  type EngineLink,
} from './graph-input';
import { shareCopy } from './shared-arrays';
import { StringTable, StringTableBuilder } from './string-table';

/**
 * The graph as its rows were given, one typed column per field, in input
 * order: enterprise i is the i-th row, link l the l-th. Strings are interned:
 * ids in string tables, regions, parks and products as small name lists.
 * Every array lives in shared memory and is never written after building.
 */
export interface NodeColumns {
  ids: StringTable;
  /** Position in ENTERPRISE_KINDS. */
  kind: Uint8Array;
  /** Position in ENTERPRISE_STATUSES. */
  status: Uint8Array;
  region: Int32Array;
  /** Index into parkNames, -1 when none. */
  park: Int32Array;
  /** Clamped to 0..1. */
  capacityRecovery: Float64Array;
  /** NaN where unknown. */
  dailyCapacity: Float64Array;
  /** CNY per day of normal full output (§8); NaN where unknown. */
  dailyOutputValue: Float64Array;
  /** Index into unitNames, -1 when unknown. */
  unit: Int32Array;
  regionNames: readonly string[];
  parkNames: readonly string[];
  unitNames: readonly string[];
}

export interface LinkColumns {
  ids: StringTable;
  from: Int32Array;
  to: Int32Array;
  product: Int32Array;
  /** Position in TRANSPORT_MODES. */
  mode: Uint8Array;
  /** Default 1 applied, negatives read as 0. */
  volume: Float64Array;
  /** 1 when BLOCKED. */
  blocked: Uint8Array;
  /** Default 0 applied, negatives read as 0. */
  inventoryDays: Float64Array;
  productNames: readonly string[];
}

/** Status positions in ENTERPRISE_STATUSES that count as down in the current state (§2). */
export const DOWN_STATUS_FLAGS: readonly boolean[] = ENTERPRISE_STATUSES.map(
  (status) => status === 'STALLED' || status === 'CLOSED',
);

const KIND_INDEX = new Map(ENTERPRISE_KINDS.map((kind, i) => [kind, i]));
const STATUS_INDEX = new Map(ENTERPRISE_STATUSES.map((status, i) => [status, i]));
const MODE_INDEX = new Map(TRANSPORT_MODES.map((mode, i) => [mode, i]));

export function kindIndexOf(e: EngineEnterprise): number {
  const k = KIND_INDEX.get(e.kind);
  if (k === undefined) throw new Error(`Enterprise ${e.id} has unknown kind ${String(e.kind)}`);
  return k;
}

export function statusIndexOf(id: string, status: string): number {
  const s = STATUS_INDEX.get(status as never);
  if (s === undefined) throw new Error(`Enterprise ${id} has unknown status ${String(status)}`);
  return s;
}

export function modeIndexOf(link: EngineLink): number {
  const m = MODE_INDEX.get(link.mode);
  if (m === undefined) throw new Error(`Link ${link.id} has unknown mode ${String(link.mode)}`);
  return m;
}

export function clamp01(x: number): number {
  if (!(x > 0)) return 0;
  return x > 1 ? 1 : x;
}

export function linkVolumeOf(link: EngineLink): number {
  return Math.max(0, link.volume ?? 1);
}

export function inventoryDaysOf(link: EngineLink): number {
  return Math.max(0, link.inventoryDays ?? 0);
}

export function listForError(items: readonly string[]): string {
  const shown = items.slice(0, 20).join(', ');
  return items.length > 20 ? `${shown} and ${items.length - 20} more` : shown;
}

/** Names interned to dense indices, in order of first appearance. */
export class NameIndex {
  readonly names: string[];
  private readonly byName = new Map<string, number>();

  constructor(names: readonly string[] = []) {
    this.names = names.slice();
    this.names.forEach((name, i) => this.byName.set(name, i));
  }

  intern(name: string): number {
    let index = this.byName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.byName.set(name, index);
    }
    return index;
  }

  indexOf(name: string): number {
    return this.byName.get(name) ?? -1;
  }
}

/** A typed column that grows while rows are appended. */
class Growing<T extends Uint8Array | Int32Array | Float64Array> {
  private array: T;
  length = 0;

  constructor(private readonly make: (length: number) => T) {
    this.array = make(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = this.make(2 * this.length);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  /** The column in shared memory, exactly as long as its rows. */
  finish(): T {
    return shareCopy(this.array, this.length);
  }
}

/**
 * Builds columns row by row, enterprises first, so that a large snapshot can
 * be streamed in without ever holding one object per row. Errors name every
 * offending row at the end: duplicate enterprise ids, links to unknown
 * enterprises; an unknown kind, status or mode throws at once.
 */
export class GraphColumnsBuilder {
  private readonly nodeIds = new StringTableBuilder();
  private readonly kind = new Growing((n) => new Uint8Array(n));
  private readonly status = new Growing((n) => new Uint8Array(n));
  private readonly region = new Growing((n) => new Int32Array(n));
  private readonly park = new Growing((n) => new Int32Array(n));
  private readonly capacityRecovery = new Growing((n) => new Float64Array(n));
  private readonly dailyCapacity = new Growing((n) => new Float64Array(n));
  private readonly dailyOutputValue = new Growing((n) => new Float64Array(n));
  private readonly unit = new Growing((n) => new Int32Array(n));
  private readonly regions = new NameIndex();
  private readonly parks = new NameIndex();
  private readonly units = new NameIndex();

  private readonly linkIds = new StringTableBuilder();
  private readonly from = new Growing((n) => new Int32Array(n));
  private readonly to = new Growing((n) => new Int32Array(n));
  private readonly product = new Growing((n) => new Int32Array(n));
  private readonly mode = new Growing((n) => new Uint8Array(n));
  private readonly volume = new Growing((n) => new Float64Array(n));
  private readonly blocked = new Growing((n) => new Uint8Array(n));
  private readonly inventoryDays = new Growing((n) => new Float64Array(n));
  private readonly products = new NameIndex();

  private nodes: NodeColumns | null = null;
  private readonly unknownEndpoints: string[] = [];

  addEnterprise(e: EngineEnterprise): void {
    if (this.nodes !== null) throw new Error('Enterprises must be added before links');
    this.nodeIds.add(e.id);
    const k = kindIndexOf(e);
    this.kind.push(k);
    this.status.push(statusIndexOf(e.id, e.status));
    this.region.push(this.regions.intern(e.region));
    this.park.push(e.park === null || e.park === undefined ? -1 : this.parks.intern(e.park));
    this.capacityRecovery.push(clamp01(e.capacityRecovery));
    this.dailyCapacity.push(e.dailyCapacity ?? NaN);
    this.dailyOutputValue.push(e.dailyOutputValue ?? NaN);
    this.unit.push(e.unit === null || e.unit === undefined ? -1 : this.units.intern(e.unit));
  }

  addLink(link: EngineLink): void {
    const nodes = this.finishNodes();
    const u = nodes.ids.indexOf(link.from);
    const v = nodes.ids.indexOf(link.to);
    if (u < 0 || v < 0) {
      const missing = [u < 0 ? `from ${link.from}` : '', v < 0 ? `to ${link.to}` : ''].filter(Boolean).join(', ');
      this.unknownEndpoints.push(`${link.id} (${missing})`);
      return;
    }
    const modeIndex = modeIndexOf(link);
    this.linkIds.add(link.id);
    this.from.push(u);
    this.to.push(v);
    this.product.push(this.products.intern(link.product));
    this.mode.push(modeIndex);
    this.volume.push(linkVolumeOf(link));
    this.blocked.push(link.status === 'BLOCKED' ? 1 : 0);
    this.inventoryDays.push(inventoryDaysOf(link));
  }

  build(): { nodes: NodeColumns; links: LinkColumns } {
    const nodes = this.finishNodes();
    if (this.unknownEndpoints.length > 0) {
      throw new Error(`Links to unknown enterprises: ${listForError(this.unknownEndpoints)}`);
    }
    const links: LinkColumns = {
      ids: this.linkIds.build(),
      from: this.from.finish(),
      to: this.to.finish(),
      product: this.product.finish(),
      mode: this.mode.finish(),
      volume: this.volume.finish(),
      blocked: this.blocked.finish(),
      inventoryDays: this.inventoryDays.finish(),
      productNames: this.products.names,
    };
    return { nodes, links };
  }

  private finishNodes(): NodeColumns {
    if (this.nodes !== null) return this.nodes;
    const ids = this.nodeIds.build();
    const duplicates: string[] = [];
    for (let i = 0; i < ids.count; i++) {
      if (ids.firstIndexOf(i) !== i) duplicates.push(ids.get(i));
    }
    if (duplicates.length > 0) throw new Error(`Duplicate enterprise ids: ${listForError(duplicates)}`);
    this.nodes = {
      ids,
      kind: this.kind.finish(),
      status: this.status.finish(),
      region: this.region.finish(),
      park: this.park.finish(),
      capacityRecovery: this.capacityRecovery.finish(),
      dailyCapacity: this.dailyCapacity.finish(),
      dailyOutputValue: this.dailyOutputValue.finish(),
      unit: this.unit.finish(),
      regionNames: this.regions.names,
      parkNames: this.parks.names,
      unitNames: this.units.names,
    };
    return this.nodes;
  }
}
