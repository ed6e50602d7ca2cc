import {
  prepareGraph,
  renumberInRankOrder,
  SupplyGraph,
  type GraphPatch,
  type TransferableSupplyGraph,
} from '../../engine';
import { type GraphChange, isSupplyGraphSubject } from '../../platform/neo4j/graph-change';
import type { GraphChangeRepository } from '../../platform/neo4j/graph-change.repository';
import { collectGarbage } from './collect-garbage';
import type { KeeperNote, SharedMemo, SyncedGraph } from './engine-messages';
import type { EngineSnapshotFile } from './engine-snapshot-file';
import type { GraphSnapshotReader, LoadedSnapshot } from './graph-snapshot-reader';

/** A graph only patched since it was last saved to disk is saved again after this long. */
const SAVE_PATCHED_AFTER_MS = 10 * 60_000;

/**
 * Derived structures computed after a graph is posted, one step at a time
 * (each step computes what is missing): the current-state baseline, the id
 * order that sorts deep result pages, and the loss bounds of rankings.
 */
const LATER_STEPS = [
  { currentState: true, idOrder: false },
  { currentState: true, idOrder: true },
  { currentState: false, idOrder: true, lossBounds: true },
  { currentState: true, idOrder: true, lossBounds: true },
];

/**
 * Owns the engine's graph in one worker thread: reads it from Neo4j, keeps
 * it up to date with the change record, and hands each new graph (shared
 * memory, nothing copied) to the main thread, which passes it on to the
 * engine workers.
 *
 * Bringing the graph to a version: the changes recorded since the graph's
 * own version name what changed; their current rows are read by id and
 * applied as one patch (upserted, or deleted when gone). The whole graph is
 * read again only when a change is unlisted (a large import), a version is
 * missing from the record (the graph is further behind than the kept
 * history), or the patch does not apply (a write committed between the
 * reads). A graph is posted as soon as it can evaluate (variable order,
 * all-operating baseline); the other derived structures follow one by one,
 * and are abandoned for a newer graph.
 *
 * With a snapshot file, the first sync starts from the graph saved there
 * (same database, not newer, same code) and patches it like any other; a
 * graph read whole is saved once all its structures are derived, a patched
 * one at most every SAVE_PATCHED_AFTER_MS.
 */
export class GraphKeeper {
  private graph: SupplyGraph | null = null;
  private version = -1;
  /** Bumped by every sync, so later steps of an older graph stop. */
  private generation = 0;
  /** The graph came from the snapshot file and no thread has it yet. */
  private unposted = false;
  private graphId: string | null = null;
  /** The last graph saved to (or taken from) the snapshot file, and when. */
  private saved: { version: number; at: number } | null = null;

  constructor(
    private readonly reader: GraphSnapshotReader,
    private readonly changes: GraphChangeRepository,
    private readonly postMemo: (version: number, memo: SharedMemo, ms: number) => void,
    private readonly snapshots: EngineSnapshotFile | null = null,
    private readonly note: (note: KeeperNote) => void = () => undefined,
  ) {}

  /** Continues from a graph prepared elsewhere (the previous keeper's, kept by the main thread). */
  adopt(version: number, graph: TransferableSupplyGraph): void {
    this.generation += 1;
    this.graph = SupplyGraph.fromTransferable(graph);
    this.version = version;
  }

  async sync(target: number, reload: boolean): Promise<SyncedGraph> {
    this.generation += 1;
    const started = performance.now();
    const restored = !reload && this.graph === null ? await this.restore() : null;
    if (reload || this.graph === null) return this.load(started);
    const changes = await this.changes.since(this.version);
    const latest = changes.length > 0 ? changes[changes.length - 1].version : this.version;
    if (latest < target || !coversEveryVersion(changes, this.version, latest) || changes.some((c) => !c.listed)) {
      return this.load(started);
    }
    const { enterprises, links } = changedIds(changes);
    const graph = this.graph;
    if (enterprises.length === 0 && links.length === 0) {
      if (this.unposted) return this.posting(graph, latest, started, restored);
      this.version = latest;
      return { version: latest, kind: 'same', ms: performance.now() - started, ...this.counts(graph) };
    }
    const rows = await this.reader.rows(enterprises, links);
    const patch: GraphPatch = {
      upsertEnterprises: rows.enterprises,
      deleteEnterprises: missing(enterprises, rows.enterprises, (id) => graph.nodeIndex(id) >= 0),
      upsertLinks: rows.links,
      deleteLinks: missing(links, rows.links, (id) => graph.linkIndex(id) >= 0),
    };
    let patched: SupplyGraph;
    try {
      patched = graph.patch(patch);
    } catch {
      // A write committed between reading the changes and reading the rows: read it all.
      return this.load(started);
    }
    return {
      ...this.posting(patched, latest, started, restored),
      patched: { enterprises: enterprises.length, links: links.length },
    };
  }

  /** Posts a graph patched (or taken from the snapshot file) as of `version`. */
  private posting(graph: SupplyGraph, version: number, started: number, restored: number | null): SyncedGraph {
    const posted = this.publish(graph, version, 'patch');
    return {
      version,
      kind: 'patch',
      graph: posted,
      ms: performance.now() - started,
      ...this.counts(graph),
      ...(restored !== null ? { restoredFrom: restored } : {}),
    };
  }

  /** Takes the graph of the snapshot file when it fits the database; its version, or null. */
  private async restore(): Promise<number | null> {
    if (this.snapshots === null) return null;
    try {
      const { version, graphId } = await this.changes.identity();
      if (graphId === null) return null;
      const found = await this.snapshots.load(graphId, version);
      if (found === null) return null;
      this.graph = SupplyGraph.fromTransferable(found.graph);
      this.version = found.version;
      this.graphId = graphId;
      this.unposted = true;
      this.saved = { version: found.version, at: Date.now() };
      return found.version;
    } catch (error) {
      this.note({
        level: 'warn',
        message: 'the engine snapshot file could not be read; reading the graph',
        error: String(error),
      });
      return null;
    }
  }

  private async load(started: number): Promise<SyncedGraph> {
    const { version, graphId, graph, skippedLinks } = await this.readWhole();
    this.graphId = graphId;
    const posted = this.publish(graph, version, 'load');
    return {
      version,
      kind: 'load',
      graph: posted,
      ms: performance.now() - started,
      ...this.counts(graph),
      skippedLinks,
    };
  }

  /**
   * The whole graph from Neo4j, its enterprises renumbered in rank order:
   * sweeps (a region, a mode) then walk memory front to back, about a third
   * faster at 1M. The graph as read is garbage once this returns.
   */
  private async readWhole(): Promise<LoadedSnapshot> {
    const read = await this.reader.load();
    return { ...read, graph: renumberInRankOrder(read.graph) };
  }

  /** Makes `graph` the kept one, ready to evaluate, and schedules its other derived structures. */
  private publish(graph: SupplyGraph, version: number, kind: 'load' | 'patch'): TransferableSupplyGraph {
    prepareGraph(graph, { currentState: false, idOrder: false, inLinkColumns: false });
    this.graph = graph;
    this.version = version;
    this.unposted = false;
    const posted = graph.toTransferable();
    void this.prepareLater(this.generation, Object.keys(posted.memo), kind);
    return posted;
  }

  /**
   * The later steps, yielding to messages between them; posts what they
   * computed, then saves the graph. The keeper goes idle after them, and an
   * idle isolate never collects its garbage, so it collects it here: the
   * scratch space and temporaries of the steps (about 250 MB at 1M
   * enterprises, with the loss bounds) would otherwise stay resident.
   */
  private async prepareLater(generation: number, posted: string[], kind: 'load' | 'patch'): Promise<void> {
    const started = performance.now();
    const shared = await this.runLaterSteps(generation);
    if (shared === null) return;
    const memo: SharedMemo = {};
    for (const [key, value] of Object.entries(shared.memo)) if (!posted.includes(key)) memo[key] = value;
    // A fresh view over the same memory: the scratch space the steps used here is left behind, and collected.
    this.graph = SupplyGraph.fromTransferable(shared);
    this.postMemo(this.version, memo, performance.now() - started);
    collectGarbage();
    await this.save(generation, shared, kind);
  }

  /**
   * LATER_STEPS on the kept graph, then its posted form; null when a newer
   * sync took over meanwhile. A function of its own, so that the graph
   * holding the steps' scratch space is no longer referenced once it returns.
   */
  private async runLaterSteps(generation: number): Promise<TransferableSupplyGraph | null> {
    const graph = this.graph;
    if (graph === null) return null;
    for (const step of LATER_STEPS) {
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return null;
      prepareGraph(graph, step);
    }
    return graph.toTransferable();
  }

  /** Saves the prepared graph (read whole, or patched) to the snapshot file when it is worth it (see the class comment). */
  private async save(generation: number, shared: TransferableSupplyGraph, kind: 'load' | 'patch'): Promise<void> {
    const version = this.version;
    if (this.snapshots === null || this.saved?.version === version) return;
    if (kind === 'patch' && this.saved !== null && Date.now() - this.saved.at < SAVE_PATCHED_AFTER_MS) return;
    const started = performance.now();
    try {
      this.graphId ??= (await this.changes.identity()).graphId;
      if (this.graphId === null || generation !== this.generation) return;
      await this.snapshots.save({ graphId: this.graphId, version }, shared);
      this.saved = { version, at: Date.now() };
      this.note({
        level: 'info',
        message: 'engine snapshot saved',
        version,
        file: this.snapshots.file,
        ms: Math.round(performance.now() - started),
      });
    } catch (error) {
      this.note({ level: 'warn', message: 'the engine snapshot could not be saved', error: String(error) });
    }
  }

  private counts(graph: SupplyGraph): { enterprises: number; links: number } {
    return { enterprises: graph.nodeCount, links: graph.linkCount };
  }
}

/** True when each version step after `from` up to `to` has its recorded change. */
function coversEveryVersion(changes: GraphChange[], from: number, to: number): boolean {
  return new Set(changes.map((c) => c.version)).size === to - from;
}

/** The enterprises and links named by the changes, each once. */
function changedIds(changes: GraphChange[]): { enterprises: string[]; links: string[] } {
  const enterprises = new Set<string>();
  const links = new Set<string>();
  for (const change of changes) {
    for (const item of change.items) {
      if (!isSupplyGraphSubject(item.subject)) continue;
      (item.subject === 'ENTERPRISE' ? enterprises : links).add(item.id);
    }
  }
  return { enterprises: [...enterprises], links: [...links] };
}

/** Ids that were not read back (deleted), among those the graph has. */
function missing(ids: string[], found: readonly { id: string }[], inGraph: (id: string) => boolean): string[] {
  const present = new Set(found.map((row) => row.id));
  return ids.filter((id) => !present.has(id) && inGraph(id));
}
