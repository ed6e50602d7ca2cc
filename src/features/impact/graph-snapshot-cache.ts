import { SupplyGraph, type SupplyGraphInput } from '../../engine';
import type { GraphMetaRepository, StatusChange } from '../../platform/neo4j/graph-meta.repository';
import type { Logger } from '../../platform/logging/create-logger';
import type { GraphSnapshotRepository } from './graph-snapshot.repository';

export interface GraphSnapshot {
  version: number;
  graph: SupplyGraph;
}

/**
 * The engine's in-memory index of the graph, kept right across service
 * instances: every write transaction (GraphQL mutations, the import command,
 * the demo seed) bumps `GraphMeta.version` in Neo4j, and each evaluation first
 * reads that version, one cheap query. When it moved only by status changes,
 * which writes record as `GraphChange` nodes, the index is rebuilt from the
 * input it was built from with those changes applied; any other write makes
 * it reload the whole graph. Instances share nothing but Neo4j, so they stay
 * stateless behind a load balancer.
 */
export class GraphSnapshotCache {
  private snapshot: (GraphSnapshot & { input: SupplyGraphInput }) | null = null;
  private loading: Promise<GraphSnapshot> | null = null;

  constructor(
    private readonly meta: GraphMetaRepository,
    private readonly repository: GraphSnapshotRepository,
    private readonly logger?: Logger,
  ) {}

  async current(): Promise<GraphSnapshot> {
    const version = await this.meta.version();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    // One refresh at a time; callers arriving meanwhile share it.
    this.loading ??= this.refresh(version).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async refresh(version: number): Promise<GraphSnapshot> {
    const started = performance.now();
    const patched = await this.patched(version);
    const { version: builtVersion, input } = patched ?? (await this.repository.load());
    const graph = SupplyGraph.build(input);
    this.snapshot = { version: builtVersion, graph, input };
    this.logger?.info(
      { version: builtVersion, enterprises: graph.nodeCount, links: graph.linkCount, ms: Math.round(performance.now() - started) },
      patched ? 'impact engine applied status changes' : 'impact engine loaded the graph',
    );
    return this.snapshot;
  }

  /** The kept input with the changes since applied, when status changes are all that happened. */
  private async patched(version: number): Promise<{ version: number; input: SupplyGraphInput } | null> {
    const previous = this.snapshot;
    if (!previous || version < previous.version) return null;
    const changes = (await this.meta.statusChangesSince(previous.version)).filter((c) => c.version <= version);
    if (!coversEveryVersion(changes, previous.version, version)) return null;
    return applyStatusChanges(previous, changes) ? { version, input: previous.input } : null;
  }
}

/** True when each version step after `from` up to `to` is a recorded status change. */
function coversEveryVersion(changes: StatusChange[], from: number, to: number): boolean {
  return new Set(changes.map((c) => c.version)).size === to - from;
}

/**
 * Applies status changes to the kept input rows; false when one names a row
 * it lacks (the caller then reloads, so a half-applied input is never used).
 * The built index holds copies, so reports still using it are unaffected.
 */
function applyStatusChanges(snapshot: { graph: SupplyGraph; input: SupplyGraphInput }, changes: StatusChange[]): boolean {
  const { graph, input } = snapshot;
  for (const change of changes) {
    if (change.subject === 'ENTERPRISE') {
      const row = input.enterprises[graph.nodeIndex(change.id)];
      if (!row) return false;
      (row as { status: string }).status = change.status;
      (row as { capacityRecovery: number }).capacityRecovery = change.capacityRecovery ?? row.capacityRecovery;
    } else {
      const row = input.links[graph.linkIndex(change.id)];
      if (!row) return false;
      (row as { status: string }).status = change.status;
    }
  }
  return true;
}
