import type { Actor } from '../../platform/actor';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import { badUserInput, conflict, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { defaultCapacity } from './default-capacity';
import type { EnterpriseInput } from './enterprise.input';
import type { EnterpriseRecord } from './enterprise.record';
import type { EnterpriseCriteria, EnterpriseRepository } from './enterprise.repository';
import { toEnterpriseRow } from './to-enterprise-row';

export interface StatusChangeRequest {
  id: string;
  status: EnterpriseStatus;
  capacityRecovery?: number | null;
  workforceReturned?: number | null;
  note?: string | null;
  at?: string | null;
}

/** Enterprises: lookups, listings and the writes that keep their history. */
export class EnterpriseService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: EnterpriseRepository,
  ) {}

  findByIds(ids: readonly string[]): Promise<EnterpriseRecord[]> {
    return this.repository.findByIds(ids);
  }

  idsMatching(criteria: EnterpriseCriteria): Promise<string[]> {
    return this.repository.idsMatching(criteria);
  }

  async get(id: string): Promise<EnterpriseRecord> {
    const [found] = await this.repository.findByIds([id]);
    if (!found) throw notFound('Enterprise', id);
    return found;
  }

  page(criteria: EnterpriseCriteria, first: number, after: string | null): Promise<Page<EnterpriseRecord>> {
    return keysetPage(
      first,
      after,
      (limit, afterId) => this.repository.page(criteria, limit, afterId),
      () => this.repository.count(criteria),
    );
  }

  /** Creates the enterprise or replaces every property of it; the input is validated by its class. */
  async upsert(actor: Actor, input: EnterpriseInput): Promise<EnterpriseRecord> {
    const row = toEnterpriseRow(input);
    const history = { at: new Date().toISOString(), note: 'upsertEnterprise' };
    await writeGraph(this.db, { actor, operation: 'upsertEnterprise' }, (write) =>
      this.repository.upsertMany(write, [row], history),
    );
    return this.get(input.id);
  }

  /** Refused while the enterprise has links, unless `detach` removes them too. */
  async delete(actor: Actor, id: string, detach: boolean): Promise<{ id: string; deletedLinks: number }> {
    return writeGraph(this.db, { actor, operation: 'deleteEnterprise' }, async (write) => {
      const links = await this.repository.delete(write, id);
      if (links === null) throw notFound('Enterprise', id);
      if (links.length > 0 && !detach) {
        // Thrown inside the transaction, so the delete above rolls back.
        throw conflict(
          `Enterprise "${id}" still has ${links.length} supply link(s); delete them first or pass detach: true`,
        );
      }
      return { id, deletedLinks: links.length };
    });
  }

  async setStatus(actor: Actor, request: StatusChangeRequest): Promise<EnterpriseRecord> {
    const capacityRecovery = request.capacityRecovery ?? defaultCapacity(request.status);
    if (capacityRecovery === null) {
      throw badUserInput('capacityRecovery is required when status is PARTIAL', [
        { path: 'capacityRecovery', message: 'is required when status is PARTIAL' },
      ]);
    }
    return writeGraph(this.db, { actor, operation: 'setEnterpriseStatus' }, async (write) => {
      const updated = await this.repository.setStatus(write, {
        id: request.id,
        status: request.status,
        capacityRecovery,
        workforceReturned: request.workforceReturned ?? null,
        note: request.note ?? null,
        at: request.at ?? new Date().toISOString(),
      });
      if (!updated) throw notFound('Enterprise', request.id);
      return updated;
    });
  }
}
