import type { Actor } from '../../platform/actor';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import { badUserInput, conflict, notFound } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkInput } from './supply-link.input';
import type { SupplyLinkRecord } from './supply-link.record';
import type { SupplyLinkCriteria, SupplyLinkRepository } from './supply-link.repository';
import { toSupplyLinkRow } from './to-supply-link-row';

/** Supply links: lookups, listings and the writes that keep their history. */
export class SupplyLinkService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: SupplyLinkRepository,
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

  /**
   * Creates the link or replaces every property of it, moving it when its ends
   * changed; the input is validated by its class, and both ends must exist:
   * checked in the same transaction as the write, with both ends locked until
   * it commits, and the write must then take its row, or nothing is written.
   */
  async upsert(actor: Actor, input: SupplyLinkInput): Promise<SupplyLinkRecord> {
    const row = toSupplyLinkRow(input);
    const history = { at: new Date().toISOString(), note: 'upsertSupplyLink' };
    await writeGraph(this.db, { actor, operation: 'upsertSupplyLink' }, async (write) => {
      const missing = await this.repository.missingEnterprises(write, [row.from, row.to]);
      if (missing.length > 0) {
        const problems = (['from', 'to'] as const)
          .filter((end) => missing.includes(row[end]))
          .map((end) => ({ path: end, message: `names enterprise "${row[end]}", which does not exist` }));
        throw badUserInput(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
      }
      const { total } = await this.repository.upsertMany(write, [row], history);
      if (total !== 1) throw conflict(`Supply link "${row.id}" could not be written; nothing was changed`);
    });
    return this.get(input.id);
  }

  async delete(actor: Actor, id: string): Promise<{ id: string }> {
    return writeGraph(this.db, { actor, operation: 'deleteSupplyLink' }, async (write) => {
      if (!(await this.repository.delete(write, id))) throw notFound('Supply link', id);
      return { id };
    });
  }

  async setStatus(
    actor: Actor,
    request: { id: string; status: LinkStatus; reason?: string | null; at?: string | null },
  ): Promise<SupplyLinkRecord> {
    return writeGraph(this.db, { actor, operation: 'setLinkStatus' }, async (write) => {
      const updated = await this.repository.setStatus(write, {
        id: request.id,
        status: request.status,
        reason: request.reason ?? null,
        at: request.at ?? new Date().toISOString(),
      });
      if (!updated) throw notFound('Supply link', request.id);
      return updated;
    });
  }
}
