import type { Actor } from '../../platform/actor';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import { badUserInput, conflict, notFound, unknownNames } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkInput } from './supply-link.input';
import type { SupplyLinkRecord } from './supply-link.record';
import type { SupplyLinkCriteria, SupplyLinkRepository } from './supply-link.repository';
import { toSupplyLinkRow } from './to-supply-link-row';
import { changeTime } from '../history/change-time';

export interface LinkStatusChangeRequest {
  id: string;
  status: LinkStatus;
  reason?: string | null;
  at?: string | null;
}

/** Supply links: lookups, listings and the writes that keep their history. */
export class SupplyLinkService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly repository: SupplyLinkRepository,
    private readonly enterprises: EnterpriseService,
  ) {}

  /**
   * Refuses products no link carries and regions no enterprise lies in,
   * naming them (see EnterpriseService.assertKnownRegions).
   */
  async assertKnownProducts(products: Record<string, readonly string[] | null | undefined>): Promise<void> {
    const problems = [];
    for (const [path, names] of Object.entries(products)) {
      for (const name of await this.repository.unknownProducts(names ?? [])) {
        problems.push({ path, message: `no link carries product "${name}"` });
      }
    }
    if (problems.length > 0) throw unknownNames('The filter', problems);
  }

  findByIds(ids: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.findByIds(ids);
  }

  inbound(enterpriseIds: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.inbound(enterpriseIds);
  }

  outbound(enterpriseIds: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.repository.outbound(enterpriseIds);
  }

  /** Links between any two of the enterprises, of the products when given. */
  among(enterpriseIds: readonly string[], products: readonly string[] | null): Promise<SupplyLinkRecord[]> {
    return this.repository.among(enterpriseIds, products);
  }

  async get(id: string): Promise<SupplyLinkRecord> {
    const [found] = await this.repository.findByIds([id]);
    if (!found) throw notFound('Supply link', id);
    return found;
  }

  async page(criteria: SupplyLinkCriteria, first: number, after: string | null): Promise<Page<SupplyLinkRecord>> {
    await this.assertKnownProducts({ 'filter.product': criteria.products, 'where.products': criteria.where?.products });
    await this.enterprises.assertKnownRegions(criteria.where?.fromRegions, 'where.fromRegions');
    await this.enterprises.assertKnownRegions(criteria.where?.toRegions, 'where.toRegions');
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

  /**
   * Records a dated status change in the link's history, a time series
   * ordered by `at` and then by commit order whose newest entry is the
   * current status (see EnterpriseService.setStatus).
   */
  async setStatus(actor: Actor, request: LinkStatusChangeRequest): Promise<SupplyLinkRecord> {
    const [updated] = await this.setStatuses(actor, [request], 'setLinkStatus');
    return updated;
  }

  /** Several dated status changes in one write, in the order given; all or nothing. */
  async setStatuses(
    actor: Actor,
    requests: LinkStatusChangeRequest[],
    operation = 'setLinkStatuses',
  ): Promise<SupplyLinkRecord[]> {
    const changes = requests.map((request) => ({
      id: request.id,
      status: request.status,
      reason: request.reason ?? null,
      at: changeTime(request.at),
    }));
    return writeGraph(this.db, { actor, operation }, async (write) => {
      const updated: SupplyLinkRecord[] = [];
      for (const change of changes) {
        const record = await this.repository.setStatus(write, change);
        if (!record) throw notFound('Supply link', change.id);
        updated.push(record);
      }
      return updated;
    });
  }
}
