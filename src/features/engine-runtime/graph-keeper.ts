import { prepareGraph, SupplyGraph, type GraphPatch, type TransferableSupplyGraph } from '../../engine';
import { type GraphChange, isSupplyGraphSubject } from '../../platform/neo4j/graph-change';
import type { GraphChangeRepository } from '../../platform/neo4j/graph-change.repository';
import type { SharedMemo, SyncedGraph } from './engine-messages';
import type { GraphSnapshotReader } from './graph-snapshot-reader';

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
 */
export class GraphKeeper {
  private graph: SupplyGraph | null = null;
  private version = -1;
  /** Bumped by every sync, so later steps of an older graph stop. */
  private generation = 0;

  constructor(
    private readonly reader: GraphSnapshotReader,
    private readonly changes: GraphChangeRepository,
    private readonly postMemo: (version: number, memo: SharedMemo, ms: number) => void,
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
    if (reload || this.graph === null) return this.load(started);
    const changes = await this.changes.since(this.version);
    const latest = changes.length > 0 ? changes[changes.length - 1].version : this.version;
    if (latest < target || !coversEveryVersion(changes, this.version, latest) || changes.some((c) => !c.listed)) {
      return this.load(started);
    }
    const { enterprises, links } = changedIds(changes);
    const graph = this.graph;
    if (enterprises.length === 0 && links.length === 0) {
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
    const posted = this.publish(patched, latest);
    return {
      version: latest,
      kind: 'patch',
      graph: posted,
      ms: performance.now() - started,
      ...this.counts(patched),
      patched: { enterprises: enterprises.length, links: links.length },
    };
  }

  private async load(started: number): Promise<SyncedGraph> {
    const { version, graph, skippedLinks } = await this.reader.load();
    const posted = this.publish(graph, version);
    return {
      version,
      kind: 'load',
      graph: posted,
      ms: performance.now() - started,
      ...this.counts(graph),
      skippedLinks,
    };
  }

  /** Makes `graph` the kept one, ready to evaluate, and schedules its other derived structures. */
  private publish(graph: SupplyGraph, version: number): TransferableSupplyGraph {
    prepareGraph(graph, { currentState: false, idOrder: false });
    this.graph = graph;
    this.version = version;
    const posted = graph.toTransferable();
    void this.prepareLater(this.generation, Object.keys(posted.memo));
    return posted;
  }

  /** The later steps, yielding to messages between them; posts what they computed. */
  private async prepareLater(generation: number, posted: string[]): Promise<void> {
    const started = performance.now();
    const graph = this.graph;
    if (graph === null) return;
    for (const step of LATER_STEPS) {
      await new Promise((resolve) => setImmediate(resolve));
      if (generation !== this.generation) return;
      prepareGraph(graph, step);
    }
    const shared = graph.toTransferable();
    const memo: SharedMemo = {};
    for (const [key, value] of Object.entries(shared.memo)) if (!posted.includes(key)) memo[key] = value;
    // A fresh view over the same memory: the scratch space the steps used here is freed.
    this.graph = SupplyGraph.fromTransferable(shared);
    this.postMemo(this.version, memo, performance.now() - started);
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
