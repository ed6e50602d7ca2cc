import { cypher } from './cypher';
import type { ChangeItem, GraphChange } from './graph-change';
import type { GraphDatabase } from './graph-database';

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
    const result = await this.db.read(cypher('graph/version'));
    return result.records[0].get('version') as number;
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
