import { notFound } from '../../platform/graphql/user-errors';
import type { GraphMetaRepository } from '../../platform/neo4j/graph-meta.repository';
import type { ImportService } from '../import/import.service';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkRecord } from './supply-link.record';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import type { SupplyLinkInput } from './supply-link.input';
import type { SupplyLinkCriteria, SupplyLinkRepository } from './supply-link.repository';

/** Supply links: lookups, listings and the writes that keep their history. */
export class SupplyLinkService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: SupplyLinkRepository,
    private readonly meta: GraphMetaRepository,
    private readonly imports: ImportService,
  ) {}

  findByIds(ids: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.findByIds(ids);
  }

  inbound(enterpriseIds: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.inbound(enterpriseIds);
  }

  outbound(enterpriseIds: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.outbound(enterpriseIds);
  }

  async get(id: string): Promise<SupplyLinkRecord> {
    const [found] = await this.repository.findByIds([id]);
    if (!found) throw notFound('Supply link', id);
    return found;
  }

  page(criteria: SupplyLinkCriteria, first: number, after: string | null): Promise<Page<SupplyLinkRecord>> {
    return keysetPage(
      first,
      after,
      (limit, afterId) => this.repository.page(criteria, limit, afterId),
      () => this.repository.count(criteria),
    );
  }

  async upsert(input: SupplyLinkInput): Promise<SupplyLinkRecord> {
    await this.imports.importGraph({ links: [input] }, { note: 'upsertSupplyLink' });
    return this.get(input.id);
  }

  async delete(id: string): Promise<{ id: string }> {
    return this.db.executeWrite(async (tx) => {
      if (!(await this.repository.delete(tx, id))) throw notFound('Supply link', id);
      await this.meta.bumpVersion(tx);
      return { id };
    });
  }

  async setStatus(request: { id: string; status: LinkStatus; reason?: string | null; at?: string | null }): Promise<SupplyLinkRecord> {
    return this.db.executeWrite(async (tx) => {
      const updated = await this.repository.setStatus(tx, {
        id: request.id,
        status: request.status,
        reason: request.reason ?? null,
        at: request.at ?? new Date().toISOString(),
      });
      if (!updated) throw notFound('Supply link', request.id);
      await this.meta.bumpVersion(tx);
      await this.meta.recordStatusChange(tx, { subject: 'LINK', id: updated.id, status: updated.status, capacityRecovery: null });
      return updated;
    });
  }
}
