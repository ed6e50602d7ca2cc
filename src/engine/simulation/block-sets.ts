import { TRANSPORT_MODES } from '../graph-input';
import { linkFilterKey, matchLinks } from '../link-filter';
import { DOWN_STATUS_FLAGS, type SupplyGraph } from '../supply-graph';
import type { BlockSet, SimulationEvent } from './simulation-input';

/**
 * The blocks and capacities in force on a day (§9), kept as one set per kind:
 * links, enterprises, regions, modes and link filters. An unblock removes
 * what it names from the set of its kind only, so a link stays blocked while
 * any set still blocks it (unblocking a link leaves it blocked when its mode
 * is). Blocking an enterprise or a region makes enterprises down and blocks
 * none of their links.
 *
 * With the current state, the links BLOCKED and the enterprises STALLED or
 * CLOSED now start in the link and enterprise sets, so an event can lift
 * them like any other block.
 */
export class BlockSets {
  /** 1 while the link is blocked by any set. */
  readonly linkBlocked: Uint8Array;
  /** own(v, t): 0 while down, else the last capacity set, else the base own. */
  readonly own: Float64Array;
  /** 1 while down or set below its base own: its loss counts as direct. */
  readonly direct: Uint8Array;

  private readonly graph: SupplyGraph;
  private readonly baseOwn: Float64Array;
  private readonly linkInSet: Uint8Array;
  private readonly modeInSet = new Uint8Array(TRANSPORT_MODES.length);
  private readonly filters = new Map<string, Int32Array>();
  private filterCount: Int32Array | null = null;
  private readonly nodeInSet: Uint8Array;
  private readonly regionInSet: Uint8Array;
  private capacity: Float64Array | null = null;

  private readonly linkMarked: Uint8Array;
  private readonly nodeMarked: Uint8Array;
  private markedLinks: number[] = [];
  private markedNodes: number[] = [];

  constructor(graph: SupplyGraph, includeCurrentState: boolean) {
    this.graph = graph;
    const n = graph.nodeCount;
    const m = graph.linkCount;
    this.baseOwn = includeCurrentState ? graph.nodeCapacityRecovery.slice() : new Float64Array(n).fill(1);
    this.linkInSet = includeCurrentState ? graph.linkBlocked.slice() : new Uint8Array(m);
    this.nodeInSet = new Uint8Array(n);
    if (includeCurrentState) {
      for (let v = 0; v < n; v++) if (DOWN_STATUS_FLAGS[graph.nodeStatus[v]]) this.nodeInSet[v] = 1;
    }
    this.regionInSet = new Uint8Array(graph.regionCount);
    this.linkBlocked = this.linkInSet.slice();
    this.own = new Float64Array(n);
    this.direct = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      this.own[v] = this.nodeInSet[v] === 1 ? 0 : this.baseOwn[v];
      this.direct[v] = this.nodeInSet[v];
    }
    this.linkMarked = new Uint8Array(m);
    this.nodeMarked = new Uint8Array(n);
  }

  /**
   * Applies one day's events in list order (each: block, unblock, capacity)
   * and returns the links whose blocked state and the enterprises whose own
   * or direct flag changed since the day before. Names must be known
   * (checked by findSimulationInputProblems).
   */
  applyDay(events: readonly SimulationEvent[]): { changedLinks: number[]; changedNodes: number[] } {
    for (const event of events) {
      if (event.block) this.applySet(event.block, 1);
      if (event.unblock) this.applySet(event.unblock, 0);
      for (const change of event.setCapacity ?? []) {
        this.capacity ??= new Float64Array(this.graph.nodeCount).fill(NaN);
        if (change.enterpriseId !== null && change.enterpriseId !== undefined) {
          const v = this.graph.nodeIndex(change.enterpriseId);
          this.capacity[v] = change.capacity;
          this.markNode(v);
        } else {
          this.forRegion(this.graph.regionIndex(change.region!), (v) => {
            this.capacity![v] = change.capacity;
            this.markNode(v);
          });
        }
      }
    }
    return { changedLinks: this.settleLinks(), changedNodes: this.settleNodes() };
  }

  private applySet(set: BlockSet, value: 0 | 1): void {
    const graph = this.graph;
    for (const id of set.links ?? []) {
      const l = graph.linkIndex(id);
      this.linkInSet[l] = value;
      this.markLink(l);
    }
    for (const id of set.enterprises ?? []) {
      const v = graph.nodeIndex(id);
      this.nodeInSet[v] = value;
      this.markNode(v);
    }
    for (const name of set.regions ?? []) {
      const r = graph.regionIndex(name);
      if (this.regionInSet[r] === value) continue;
      this.regionInSet[r] = value;
      this.forRegion(r, (v) => this.markNode(v));
    }
    for (const mode of set.modes ?? []) {
      const m = TRANSPORT_MODES.indexOf(mode);
      if (this.modeInSet[m] === value) continue;
      this.modeInSet[m] = value;
      for (let i = graph.modeLinkStart[m]; i < graph.modeLinkStart[m + 1]; i++) this.markLink(graph.modeLinks[i]);
    }
    for (const filter of set.linksWhere ?? []) {
      const key = linkFilterKey(filter);
      if (this.filters.has(key) === (value === 1)) continue;
      const links = value === 1 ? matchLinks(graph, filter) : this.filters.get(key)!;
      if (value === 1) this.filters.set(key, links);
      else this.filters.delete(key);
      this.filterCount ??= new Int32Array(graph.linkCount);
      for (let i = 0; i < links.length; i++) {
        this.filterCount[links[i]] += value === 1 ? 1 : -1;
        this.markLink(links[i]);
      }
    }
  }

  private forRegion(r: number, visit: (v: number) => void): void {
    const graph = this.graph;
    for (let i = graph.regionNodeStart[r]; i < graph.regionNodeStart[r + 1]; i++) visit(graph.regionNodes[i]);
  }

  private markLink(l: number): void {
    if (this.linkMarked[l] === 1) return;
    this.linkMarked[l] = 1;
    this.markedLinks.push(l);
  }

  private markNode(v: number): void {
    if (this.nodeMarked[v] === 1) return;
    this.nodeMarked[v] = 1;
    this.markedNodes.push(v);
  }

  private settleLinks(): number[] {
    const changed: number[] = [];
    const mode = this.graph.linkMode;
    for (const l of this.markedLinks) {
      this.linkMarked[l] = 0;
      const byFilter = this.filterCount !== null && this.filterCount[l] > 0;
      const blocked = this.linkInSet[l] === 1 || this.modeInSet[mode[l]] === 1 || byFilter ? 1 : 0;
      if (blocked === this.linkBlocked[l]) continue;
      this.linkBlocked[l] = blocked;
      changed.push(l);
    }
    this.markedLinks = [];
    return changed;
  }

  private settleNodes(): number[] {
    const changed: number[] = [];
    const region = this.graph.nodeRegion;
    for (const v of this.markedNodes) {
      this.nodeMarked[v] = 0;
      const down = this.nodeInSet[v] === 1 || this.regionInSet[region[v]] === 1;
      const set = this.capacity === null ? NaN : this.capacity[v];
      const own = down ? 0 : Number.isNaN(set) ? this.baseOwn[v] : set;
      const direct = down || set < this.baseOwn[v] ? 1 : 0;
      if (own === this.own[v] && direct === this.direct[v]) continue;
      this.own[v] = own;
      this.direct[v] = direct;
      changed.push(v);
    }
    this.markedNodes = [];
    return changed;
  }
}
