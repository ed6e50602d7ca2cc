import { SupplyGraph, type SupplyGraphInput } from '../../engine';
import type { Logger } from '../../platform/logging/create-logger';
import { type ChangeItem, type GraphChange, isSupplyGraphSubject } from '../../platform/neo4j/graph-change';
import type { GraphChangeRepository } from '../../platform/neo4j/graph-change.repository';
import type { GraphSnapshotRepository } from './graph-snapshot.repository';

export interface GraphSnapshot {
  version: number;
  graph: SupplyGraph;
}

/** The index was brought up to `version`: read again, or patched with status changes. */
export type SnapshotRefreshed = (event: { version: number; ms: number; patched: boolean }) => void;

/**
 * The engine's in-memory index of the graph, kept right across service
 * instances: every write (GraphQL mutations, the import command, the demo
 * seed) goes through writeGraph, which bumps `GraphMeta.version` and records
 * a `GraphChange`, and each evaluation first reads that version, one cheap
 * query. When the changes since are status changes (and saved scenarios,
 * which the index does not hold), the index is rebuilt from the input it was
 * built from with those statuses applied; any other change makes it read the
 * whole graph again. Instances share nothing but Neo4j, so they stay
 * stateless behind a load balancer.
 */
export class GraphSnapshotCache {
  private snapshot: (GraphSnapshot & { input: SupplyGraphInput }) | null = null;
  private loading: Promise<GraphSnapshot> | null = null;

  constructor(
    private readonly changes: GraphChangeRepository,
    private readonly repository: GraphSnapshotRepository,
    private readonly logger?: Logger,
    private readonly onRefresh?: SnapshotRefreshed,
  ) {}

  async current(): Promise<GraphSnapshot> {
    const version = await this.changes.version();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    // One refresh at a time; callers arriving meanwhile share it.
    this.loading ??= this.refresh(version).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async refresh(version: number): Promise<GraphSnapshot> {
    const started = performance.now();
    const replay = await this.statusChangesUpTo(version);
    const previous = this.snapshot;
    if (previous && replay?.length === 0) {
      // Only what the index does not hold changed (saved scenarios): same index, newer version.
      this.snapshot = { ...previous, version };
      this.onRefresh?.({ version, ms: performance.now() - started, patched: true });
      return this.snapshot;
    }
    const patched =
      previous && replay && applyStatusChanges(previous, replay) ? { version, input: previous.input } : null;
    const { version: builtVersion, input } = patched ?? (await this.repository.load());
    const graph = SupplyGraph.build(input);
    this.snapshot = { version: builtVersion, graph, input };
    this.onRefresh?.({ version: builtVersion, ms: performance.now() - started, patched: patched !== null });
    this.logger?.info(
      {
        version: builtVersion,
        enterprises: graph.nodeCount,
        links: graph.linkCount,
        ms: Math.round(performance.now() - started),
      },
      patched ? 'impact engine applied status changes' : 'impact engine loaded the graph',
    );
    return this.snapshot;
  }

  /**
   * The status changes between the kept snapshot and `version`, oldest first;
   * null when anything else changed, or a version is missing from the record,
   * so the graph must be read again.
   */
  private async statusChangesUpTo(version: number): Promise<ChangeItem[] | null> {
    const previous = this.snapshot;
    if (!previous || version < previous.version) return null;
    const changes = (await this.changes.since(previous.version)).filter((c) => c.version <= version);
    if (!coversEveryVersion(changes, previous.version, version)) return null;
    const statuses: ChangeItem[] = [];
    for (const change of changes) {
      if (!change.listed) return null;
      for (const item of change.items) {
        if (!isSupplyGraphSubject(item.subject)) continue;
        if (item.op !== 'STATUS') return null;
        statuses.push(item);
      }
    }
    return statuses;
  }
}

/** True when each version step after `from` up to `to` has its recorded change. */
function coversEveryVersion(changes: GraphChange[], from: number, to: number): boolean {
  return new Set(changes.map((c) => c.version)).size === to - from;
}

/**
 * Applies status changes to the kept input rows; false when one names a row
 * it lacks (the caller then reloads, so a half-applied input is never used).
 * The built index holds copies, so reports still using it are unaffected.
 */
function applyStatusChanges(snapshot: { graph: SupplyGraph; input: SupplyGraphInput }, changes: ChangeItem[]): boolean {
  const { graph, input } = snapshot;
  for (const change of changes) {
    if (change.subject === 'ENTERPRISE') {
      const row = input.enterprises[graph.nodeIndex(change.id)];
      if (!row) return false;
      (row as { status: string }).status = change.status ?? row.status;
      (row as { capacityRecovery: number }).capacityRecovery = change.capacityRecovery ?? row.capacityRecovery;
    } else {
      const row = input.links[graph.linkIndex(change.id)];
      if (!row) return false;
      (row as { status: string }).status = change.status ?? row.status;
    }
  }
  return true;
}
