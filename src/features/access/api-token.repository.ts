import type { Role } from '../../platform/auth/role';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { GraphWrite } from '../../platform/neo4j/write-graph';
import type { ApiToken } from './api-token.type';

/** API tokens as `(:ApiToken)` nodes apart from the supply graph, each holding the hash of its key. */
export class ApiTokenRepository {
  constructor(private readonly db: GraphDatabase) {}

  /** The new token; null when the name is taken. */
  async create(
    write: GraphWrite,
    row: { id: string; name: string; role: Role; hash: string; createdAt: string },
  ): Promise<ApiToken | null> {
    const result = await write.tx.run(cypher('api-token/create'), { ...row, createdBy: write.actor });
    if (result.records.length === 0) return null;
    write.changed({ subject: 'TOKEN', id: row.id, op: 'UPSERT' });
    return result.records[0].get('token') as ApiToken;
  }

  async list(): Promise<ApiToken[]> {
    const result = await this.db.read(cypher('api-token/list'));
    return result.records.map((r) => r.get('token') as ApiToken);
  }

  async revoke(write: GraphWrite, id: string, at: string): Promise<ApiToken | null> {
    const result = await write.tx.run(cypher('api-token/revoke'), { id, at, actor: write.actor });
    if (result.records.length === 0) return null;
    write.changed({ subject: 'TOKEN', id, op: 'STATUS', status: 'REVOKED' });
    return result.records[0].get('token') as ApiToken;
  }

  async findLiveByHash(hash: string): Promise<{ name: string; role: Role } | null> {
    const result = await this.db.read(cypher('api-token/find-live-by-hash'), { hash });
    const record = result.records[0];
    return record ? { name: record.get('name') as string, role: record.get('role') as Role } : null;
  }
}
