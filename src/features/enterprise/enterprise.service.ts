import { badUserInput, conflict, notFound } from '../../platform/graphql/user-errors';
import type { GraphMetaRepository } from '../../platform/neo4j/graph-meta.repository';
import type { ImportService } from '../import/import.service';
import { defaultCapacity } from './default-capacity';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import type { EnterpriseRecord } from './enterprise.record';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import type { EnterpriseInput } from './enterprise.input';
import type { EnterpriseCriteria, EnterpriseRepository } from './enterprise.repository';

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
    private readonly meta: GraphMetaRepository,
    private readonly imports: ImportService,
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

  async upsert(input: EnterpriseInput): Promise<EnterpriseRecord> {
    await this.imports.importGraph({ enterprises: [input] }, { note: 'upsertEnterprise' });
    return this.get(input.id);
  }

  /** Refused while the enterprise has links, unless `detach` removes them too. */
  async delete(id: string, detach: boolean): Promise<{ id: string; deletedLinks: number }> {
    return this.db.executeWrite(async (tx) => {
      const links = await this.repository.delete(tx, id);
      if (links === null) throw notFound('Enterprise', id);
      if (links > 0 && !detach) {
        throw conflict(`Enterprise "${id}" still has ${links} supply link(s); delete them first or pass detach: true`);
      }
      await this.meta.bumpVersion(tx);
      return { id, deletedLinks: links };
    });
  }

  async setStatus(request: StatusChangeRequest): Promise<EnterpriseRecord> {
    const capacityRecovery = request.capacityRecovery ?? defaultCapacity(request.status);
    if (capacityRecovery === null) {
      throw badUserInput('capacityRecovery is required when status is PARTIAL', [
        { path: 'capacityRecovery', message: 'is required when status is PARTIAL' },
      ]);
    }
    return this.db.executeWrite(async (tx) => {
      const updated = await this.repository.setStatus(tx, {
        id: request.id,
        status: request.status,
        capacityRecovery,
        workforceReturned: request.workforceReturned ?? null,
        note: request.note ?? null,
        at: request.at ?? new Date().toISOString(),
      });
      if (!updated) throw notFound('Enterprise', request.id);
      await this.meta.bumpVersion(tx);
      await this.meta.recordStatusChange(tx, { subject: 'ENTERPRISE', id: updated.id, status: updated.status, capacityRecovery: updated.capacityRecovery });
      return updated;
    });
  }
}
