import { cypher } from './cypher';
import type { ChangeItem, GraphChange } from './graph-change';
import type { GraphDatabase } from './graph-database';

/** The graph version, and the id of the database (null until its first recorded change). */
export interface GraphIdentity {
  version: number;
  graphId: string | null;
}

interface StoredChange {
  version: number;
  at: string;
  actor: string | null;
  operation: string | null;
  items: string | null;
  listed: boolean | null;
  enterprises: number | null;
  links: number | null;
  scenarios: number | null;
  tokens: number | null;
}

/**
 * Reads the graph version and the changes recorded under it (writes go
 * through writeGraph). One cheap query tells a service instance whether what
 * it derived from the graph is still current.
 */
export class GraphChangeRepository {
  constructor(private readonly db: GraphDatabase) {}

  async version(): Promise<number> {
    return (await this.identity()).version;
  }

  /** The version, and which database this is: an engine snapshot file is only taken for the same one. */
  async identity(): Promise<GraphIdentity> {
    const record = (await this.db.read(cypher('graph/version'))).records[0];
    return { version: record.get('version') as number, graphId: record.get('graphId') as string | null };
  }

  /** Changes recorded after `version`, oldest first. */
  async since(version: number): Promise<GraphChange[]> {
    const result = await this.db.read(cypher('graph/changes-since'), { version });
    return result.records.map((r) => toGraphChange(r.get('change') as StoredChange));
  }
}

/** A change as stored; one without its item list (or from before it had one) counts as unlisted. */
function toGraphChange(stored: StoredChange): GraphChange {
  const listed = stored.listed === true && stored.items !== null;
  return {
    version: stored.version,
    at: stored.at,
    actor: stored.actor ?? 'unknown',
    operation: stored.operation ?? 'unknown',
    items: listed ? (JSON.parse(stored.items as string) as ChangeItem[]) : [],
    listed,
    counts: {
      ENTERPRISE: stored.enterprises ?? 0,
      LINK: stored.links ?? 0,
      SCENARIO: stored.scenarios ?? 0,
      TOKEN: stored.tokens ?? 0,
    },
  };
}
