import { randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/actor';
import { generateApiKey } from '../../platform/auth/api-key';
import { isRole, type Role } from '../../platform/auth/role';
import { badUserInput, conflict, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import { TOKEN_NAME_PATTERN, TOKEN_NAME_RULE } from './api-token.args';
import type { ApiTokenRepository } from './api-token.repository';
import type { ApiToken } from './api-token.type';

/**
 * API tokens: created with a random key shown once (only its SHA-256 is
 * stored), listed without keys, revoked. The authenticator finds live
 * tokens by hash. The `token` command and the admin mutations come here.
 */
export class ApiTokenService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: ApiTokenRepository,
  ) {}

  async create(actor: Actor, name: string, role: Role): Promise<{ key: string; apiToken: ApiToken }> {
    if (!TOKEN_NAME_PATTERN.test(name))
      throw badUserInput(TOKEN_NAME_RULE, [{ path: 'name', message: TOKEN_NAME_RULE }]);
    if (!isRole(role)) throw badUserInput(`unknown role "${role}"`, [{ path: 'role', message: 'is not a role' }]);
    const { key, hash } = generateApiKey();
    const row = { id: `tok-${randomBytes(6).toString('hex')}`, name, role, hash, createdAt: new Date().toISOString() };
    const apiToken = await writeGraph(this.db, { actor, operation: 'createApiToken' }, async (write) => {
      const created = await this.repository.create(write, row);
      if (!created) {
        throw conflict(`An API token named "${name}" exists already (names stay taken after revocation)`);
      }
      return created;
    });
    return { key, apiToken };
  }

  list(): Promise<ApiToken[]> {
    return this.repository.list();
  }

  revoke(actor: Actor, id: string): Promise<ApiToken> {
    return writeGraph(this.db, { actor, operation: 'revokeApiToken' }, async (write) => {
      const revoked = await this.repository.revoke(write, id, new Date().toISOString());
      if (!revoked) throw notFound('API token', id);
      return revoked;
    });
  }

  /** The live token whose key hashes to `hash`. */
  findLiveByHash(hash: string): Promise<{ name: string; role: Role } | null> {
    return this.repository.findLiveByHash(hash);
  }
}
