import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';

/** Path queries Neo4j answers better than a walk from the service. */
export class ChainRepository {
  constructor(private readonly db: GraphDatabase) {}

  async shortestPaths(
    from: string,
    to: string,
    maxDepth: number,
    limit: number,
  ): Promise<{ enterpriseIds: string[]; linkIds: string[] }[]> {
    const result = await this.db.read(cypher('chain/shortest-paths'), { from, to, maxDepth, limit });
    return result.records.map((r) => ({
      enterpriseIds: r.get('enterpriseIds') as string[],
      linkIds: r.get('linkIds') as string[],
    }));
  }
}
