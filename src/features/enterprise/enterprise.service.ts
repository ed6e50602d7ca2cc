import type { Actor } from '../../platform/actor';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { keysetPage } from '../../platform/graphql/pagination/keyset-page';
import type { OrderDirection } from '../../platform/graphql/pagination/order-direction.enum';
import type { PageRequest } from '../../platform/graphql/pagination/page-request';
import type { EnterpriseOrderField } from './enterprise-order.input';
import { badUserInput, conflict, notFound, unknownNames } from '../../platform/graphql/user-errors';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { defaultCapacity } from './default-capacity';
import type { EnterpriseInput } from './enterprise.input';
import type { EnterpriseRecord } from './enterprise.record';
import type { EnterpriseCriteria, EnterpriseRepository } from './enterprise.repository';
import { toEnterpriseRow } from './to-enterprise-row';
import { changeTime } from '../history/change-time';

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

  async idsMatching(criteria: EnterpriseCriteria): Promise<string[]> {
    await this.assertKnownRegions(criteria.regions, 'filter.region');
    return this.repository.idsMatching(criteria);
  }

  /**
   * Refuses region names no enterprise lies in, naming them: a filter with a
   * misspelt region would otherwise silently match nothing. The same rule
   * holds for every filter that names regions or products.
   */
  async assertKnownRegions(regions: readonly string[] | null | undefined, path: string): Promise<void> {
    const unknown = await this.repository.unknownRegions(regions ?? []);
    if (unknown.length === 0) return;
    const problems = unknown.map((name) => ({ path, message: `no enterprise lies in region "${name}"` }));
    throw unknownNames('The filter', problems);
  }

  async get(id: string): Promise<EnterpriseRecord> {
    const [found] = await this.repository.findByIds([id]);
    if (!found) throw notFound('Enterprise', id);
    return found;
  }

  async page(
    criteria: EnterpriseCriteria,
    order: { field: EnterpriseOrderField; direction: OrderDirection },
    request: PageRequest,
  ): Promise<Page<EnterpriseRecord>> {
    await this.assertKnownRegions(criteria.regions, 'filter.region');
    return keysetPage(
      request,
      (how) => this.repository.page(criteria, order, how),
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

  /**
   * Records a dated status change in the history. The history is one time
   * series per enterprise, ordered by `at` and then by commit order; the
   * current state is its newest entry, so a backdated change takes its place
   * in the history and leaves the current state to what came after it.
   */
  async setStatus(actor: Actor, request: StatusChangeRequest): Promise<EnterpriseRecord> {
    const [updated] = await this.setStatuses(actor, [request], 'setEnterpriseStatus');
    return updated;
  }

  /** Several dated status changes in one write, in the order given (see setStatus); all or nothing. */
  async setStatuses(
    actor: Actor,
    requests: StatusChangeRequest[],
    operation = 'setEnterpriseStatuses',
  ): Promise<EnterpriseRecord[]> {
    const changes = requests.map((request, i) => {
      const capacityRecovery = request.capacityRecovery ?? defaultCapacity(request.status);
      const path = requests.length === 1 ? '' : `[${i}].`;
      if (capacityRecovery === null) {
        throw badUserInput('capacityRecovery is required when status is PARTIAL', [
          { path: `${path}capacityRecovery`, message: 'is required when status is PARTIAL' },
        ]);
      }
      return {
        id: request.id,
        status: request.status,
        capacityRecovery,
        workforceReturned: request.workforceReturned ?? null,
        note: request.note ?? null,
        at: changeTime(request.at),
      };
    });
    return writeGraph(this.db, { actor, operation }, async (write) => {
      const updated: EnterpriseRecord[] = [];
      for (const change of changes) {
        const record = await this.repository.setStatus(write, change);
        if (!record) throw notFound('Enterprise', change.id);
        updated.push(record);
      }
      return updated;
    });
  }
}
