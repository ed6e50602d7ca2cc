import { SupplyGraph } from '../engine';
import type { GraphMetaRepository } from '../graph/graph-meta.repository';
import type { Logger } from '../logging/create-logger';
import type { GraphSnapshotRepository } from './graph-snapshot.repository';

export interface GraphSnapshot {
  version: number;
  graph: SupplyGraph;
}

/**
 * The engine's in-memory index of the graph, kept right across service
 * instances: every write transaction (GraphQL mutations, the import command,
 * the demo seed) bumps `GraphMeta.version` in Neo4j, and each evaluation first
 * reads that version, one cheap query, and reloads when it moved. Instances
 * share nothing but Neo4j, so they stay stateless behind a load balancer.
 */
export class GraphSnapshotCache {
  private snapshot: GraphSnapshot | null = null;
  private loading: Promise<GraphSnapshot> | null = null;

  constructor(
    private readonly meta: GraphMetaRepository,
    private readonly repository: GraphSnapshotRepository,
    private readonly logger?: Logger,
  ) {}

  async current(): Promise<GraphSnapshot> {
    const version = await this.meta.version();
    if (this.snapshot && this.snapshot.version === version) return this.snapshot;
    // One load at a time; callers arriving meanwhile share it.
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<GraphSnapshot> {
    const started = performance.now();
    const { version, input } = await this.repository.load();
    const graph = SupplyGraph.build(input);
    this.snapshot = { version, graph };
    this.logger?.info(
      { version, enterprises: graph.nodeCount, links: graph.linkCount, ms: Math.round(performance.now() - started) },
      'impact engine loaded the graph',
    );
    return this.snapshot;
  }
}
