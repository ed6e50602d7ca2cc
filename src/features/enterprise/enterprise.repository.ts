import type { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import type { BoundingBox } from './bounding-box.input';
import type { EnterpriseRecord } from './enterprise.record';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { GraphWrite } from '../../platform/neo4j/write-graph';
import { writeFirstEntries } from '../history/write-first-entries';
import { toEnterpriseRecord } from './to-enterprise-record';
import type { KeysetFetch } from '../../platform/graphql/pagination/keyset-page';
import { keysetParams, keysetTail, type ListingOrder } from '../../platform/neo4j/keyset-query';
import type { OrderDirection } from '../../platform/graphql/pagination/order-direction.enum';
import type { EnterpriseOrderField } from './enterprise-order.input';

/** Sort key of each listing order; never null, so keyset comparisons hold. */
const SORT_KEYS: Record<EnterpriseOrderField, string> = {
  ID: 'e.id',
  NAME: 'e.name',
  DAILY_OUTPUT_VALUE: 'coalesce(toFloat(e.dailyOutputValue), -1.0)',
};

/** Criteria of an enterprise listing; null or missing means "any". */
export interface EnterpriseCriteria {
  kinds?: EnterpriseKind[] | null;
  regions?: string[] | null;
  statuses?: EnterpriseStatus[] | null;
  parks?: string[] | null;
  ids?: string[] | null;
  search?: string | null;
  /** Enterprises with lat/lon inside the box, edges included. */
  bbox?: BoundingBox | null;
}

/** Stored shape of one enterprise row: every property, nulls dropped by Neo4j. */
export type EnterpriseRow = Record<string, PropertyValue>;

/** How a write's status history entries are dated and annotated. */
export interface HistoryNote {
  /** ISO 8601 date-time of the entries. */
  at: string;
  note: string | null;
}

export interface UpsertCounts {
  created: number;
  total: number;
}

export function enterpriseCriteriaParams(criteria: EnterpriseCriteria) {
  return {
    kinds: criteria.kinds ?? null,
    regions: criteria.regions ?? null,
    statuses: criteria.statuses ?? null,
    parks: criteria.parks ?? null,
    ids: criteria.ids ?? null,
    search: criteria.search ? criteria.search.toLowerCase() : null,
    bbox: criteria.bbox ?? null,
  };
}

/** `MATCH (e:Enterprise)` narrowed by the criteria: the start of every enterprise listing. */
export const ENTERPRISE_FILTER = (): string => `MATCH (e:Enterprise)\n${cypher('enterprise/filter')}`;

/** Reads and writes `Enterprise` nodes and their status history. */
export class EnterpriseRepository {
  private readonly countQuery: string;

  constructor(private readonly db: GraphDatabase) {
    this.countQuery = `${ENTERPRISE_FILTER()}\nRETURN count(e) AS total`;
  }

  async findByIds(ids: readonly string[]): Promise<EnterpriseRecord[]> {
    const result = await this.db.read(cypher('enterprise/find-by-ids'), { ids });
    return result.records.map((r) => toEnterpriseRecord(r.get('enterprise')));
  }

  /** One keyset page in the listing order, each enterprise with its sort key. */
  async page(
    criteria: EnterpriseCriteria,
    order: { field: EnterpriseOrderField; direction: OrderDirection },
    how: KeysetFetch,
  ): Promise<{ node: EnterpriseRecord; key: string | number }[]> {
    const listing: ListingOrder = { key: SORT_KEYS[order.field], descending: order.direction === 'DESC' };
    const query = `${ENTERPRISE_FILTER()}\n${keysetTail('e', listing, how.backward, 'e {.*} AS enterprise')}`;
    const result = await this.db.read(query, { ...enterpriseCriteriaParams(criteria), ...keysetParams(how) });
    return result.records.map((r) => ({
      node: toEnterpriseRecord(r.get('enterprise')),
      key: r.get('sortKey') as string | number,
    }));
  }

  async count(criteria: EnterpriseCriteria): Promise<number> {
    const result = await this.db.read(this.countQuery, enterpriseCriteriaParams(criteria));
    return result.records[0].get('total') as number;
  }

  /** Ids of every enterprise matching the criteria. */
  async idsMatching(criteria: EnterpriseCriteria): Promise<string[]> {
    const result = await this.db.read(
      `${ENTERPRISE_FILTER()}\n${cypher('enterprise/ids')}`,
      enterpriseCriteriaParams(criteria),
    );
    return result.records[0].get('ids') as string[];
  }

  /** Of `names`, the regions no enterprise lies in. */
  async unknownRegions(names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const result = await this.db.read(cypher('enterprise/unknown-regions'), { names });
    return result.records[0].get('unknown') as string[];
  }

  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const result = await this.db.read(cypher('enterprise/existing-ids'), { ids });
    return new Set(result.records[0]?.get('ids') as string[]);
  }

  /** Upserts rows by id (a row replaces every property), with a history entry where the status changed. */
  async upsertMany(write: GraphWrite, rows: EnterpriseRow[], history: HistoryNote): Promise<UpsertCounts> {
    await writeFirstEntries(
      write,
      'ENTERPRISE',
      rows.map((row) => row.id as string),
    );
    const result = await write.tx.run(cypher('enterprise/upsert'), { rows, ...history, actor: write.actor });
    write.changed(rows.map((row) => ({ subject: 'ENTERPRISE', id: row.id as string, op: 'UPSERT' })));
    const record = result.records[0];
    return { created: (record?.get('created') as number) ?? 0, total: (record?.get('total') as number) ?? 0 };
  }

  /** Deletes the enterprise and its links; the ids of the links that went with it, or null when there was none. */
  async delete(write: GraphWrite, id: string): Promise<string[] | null> {
    const result = await write.tx.run(cypher('enterprise/delete'), { id });
    if (result.records.length === 0) return null;
    const links = result.records[0].get('links') as string[];
    write.changed([
      { subject: 'ENTERPRISE', id, op: 'DELETE' },
      ...links.map((link) => ({ subject: 'LINK', id: link, op: 'DELETE' }) as const),
    ]);
    return links;
  }

  async setStatus(
    write: GraphWrite,
    change: {
      id: string;
      status: EnterpriseStatus;
      capacityRecovery: number;
      workforceReturned: number | null;
    } & HistoryNote,
  ): Promise<EnterpriseRecord | null> {
    // The enterprise's lock first, so its history entries are numbered in commit order.
    const locked = await write.tx.run(cypher('enterprise/lock-existing'), { ids: [change.id] });
    if ((locked.records[0]?.get('ids') as string[]).length === 0) return null;
    await writeFirstEntries(write, 'ENTERPRISE', [change.id]);
    const result = await write.tx.run(cypher('enterprise/set-status'), { ...change, actor: write.actor });
    if (result.records.length === 0) return null;
    const updated = toEnterpriseRecord(result.records[0].get('enterprise'));
    write.changed({
      subject: 'ENTERPRISE',
      id: updated.id,
      op: 'STATUS',
      status: updated.status,
      capacityRecovery: updated.capacityRecovery,
    });
    return updated;
  }

  async exportAll(): Promise<EnterpriseRecord[]> {
    const result = await this.db.read(cypher('enterprise/export'));
    return result.records.map((r) => toEnterpriseRecord(r.get('enterprise')));
  }
}
