import type { LinkFilter } from '../../engine';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { TransportMode } from '../vocabulary/transport-mode.enum';
import type { SupplyLinkRecord } from './supply-link.record';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { GraphWrite } from '../../platform/neo4j/write-graph';
import { writeFirstEntries } from '../history/write-first-entries';
import type { HistoryNote, UpsertCounts } from '../enterprise/enterprise.repository';
import { toSupplyLinkRecord } from './to-supply-link-record';
import type { KeysetFetch } from '../../platform/graphql/pagination/keyset-page';
import type { OrderDirection } from '../../platform/graphql/pagination/order-direction.enum';
import { keysetParams, keysetTail, type ListingOrder } from '../../platform/neo4j/keyset-query';
import type { SupplyLinkOrderField } from './supply-link-order.input';

/** Sort key of each listing order; never null (the documented defaults fill in), so keyset comparisons hold. */
const SORT_KEYS: Record<SupplyLinkOrderField, string> = {
  ID: 's.id',
  PRODUCT: 's.product',
  VOLUME: 'coalesce(toFloat(s.volume), 1.0)',
  INVENTORY_DAYS: 'coalesce(toFloat(s.inventoryDays), 0.0)',
};
const MATCH = 'MATCH (a:Enterprise)-[s:SUPPLIES]->(b:Enterprise)';

/** Criteria of a link listing; null or missing means "any". */
export interface SupplyLinkCriteria {
  products?: string[] | null;
  modes?: TransportMode[] | null;
  statuses?: LinkStatus[] | null;
  from?: string | null;
  to?: string | null;
  /** A link filter (LinkFilterInput), ANDed with the fields above. */
  where?: LinkFilter | null;
}

/** A link row to write: endpoints, and the properties stored on the relationship. */
export interface SupplyLinkRow {
  id: string;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

function criteriaParams(criteria: SupplyLinkCriteria) {
  return {
    products: criteria.products ?? null,
    modes: criteria.modes ?? null,
    statuses: criteria.statuses ?? null,
    from: criteria.from ?? null,
    to: criteria.to ?? null,
    whereModes: criteria.where?.modes ?? null,
    whereProducts: criteria.where?.products ?? null,
    whereFromRegions: criteria.where?.fromRegions ?? null,
    whereToRegions: criteria.where?.toRegions ?? null,
    whereCrossRegion: criteria.where?.crossRegion ?? null,
  };
}

/** Reads and writes `SUPPLIES` relationships. */
export class SupplyLinkRepository {
  private readonly countQuery: string;

  constructor(private readonly db: GraphDatabase) {
    this.countQuery = [MATCH, cypher('supply-link/filter'), 'RETURN count(s) AS total'].join('\n');
  }

  async findByIds(ids: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.links(cypher('supply-link/find-by-ids'), { ids });
  }

  /** Links into any of `ids` (their suppliers), ordered by link id. */
  inbound(ids: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.links(cypher('supply-link/inbound'), { ids });
  }

  /** Links out of any of `ids` (their customers), ordered by link id. */
  outbound(ids: readonly string[]): Promise<SupplyLinkRecord[]> {
    return this.links(cypher('supply-link/outbound'), { ids });
  }

  /** One keyset page in the listing order, each link with its sort key. */
  async page(
    criteria: SupplyLinkCriteria,
    order: { field: SupplyLinkOrderField; direction: OrderDirection },
    how: KeysetFetch,
  ): Promise<{ node: SupplyLinkRecord; key: string | number }[]> {
    const listing: ListingOrder = { key: SORT_KEYS[order.field], descending: order.direction === 'DESC' };
    const tail = keysetTail('s', listing, how.backward, 's {.*, from: a.id, to: b.id} AS link', ['a', 'b']);
    const query = [MATCH, cypher('supply-link/filter'), tail].join('\n');
    const result = await this.db.read(query, { ...criteriaParams(criteria), ...keysetParams(how) });
    return result.records.map((r) => ({
      node: toSupplyLinkRecord(r.get('link')),
      key: r.get('sortKey') as string | number,
    }));
  }

  /** Of `ids`, those a supply link has. */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const result = await this.db.read(cypher('supply-link/existing-ids'), { ids });
    return new Set(result.records[0]?.get('ids') as string[]);
  }

  /** Links between any two of `ids`, of `products` when given, ordered by link id. */
  among(ids: readonly string[], products: readonly string[] | null): Promise<SupplyLinkRecord[]> {
    return this.links(cypher('supply-link/among'), { ids, products });
  }

  /** Of `names`, the products no link carries. */
  async unknownProducts(names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const result = await this.db.read(cypher('supply-link/unknown-products'), { names });
    return result.records[0].get('unknown') as string[];
  }

  async count(criteria: SupplyLinkCriteria): Promise<number> {
    const result = await this.db.read(this.countQuery, criteriaParams(criteria));
    return result.records[0].get('total') as number;
  }

  /**
   * Of `ids`, those no enterprise has. Read inside the write that relies on
   * them, taking the write lock of those that exist, so they still exist
   * when it commits.
   */
  async missingEnterprises(write: GraphWrite, ids: readonly string[]): Promise<string[]> {
    const result = await write.tx.run(cypher('enterprise/lock-existing'), { ids: [...new Set(ids)].sort() });
    const existing = new Set(result.records[0]?.get('ids') as string[]);
    return ids.filter((id) => !existing.has(id));
  }

  /** Upserts rows by id (a row replaces every property); links whose endpoints changed move. */
  async upsertMany(write: GraphWrite, rows: SupplyLinkRow[], history: HistoryNote): Promise<UpsertCounts> {
    await writeFirstEntries(
      write,
      'LINK',
      rows.map((row) => row.id),
    );
    await write.tx.run(cypher('supply-link/delete-moved'), { rows });
    const result = await write.tx.run(cypher('supply-link/upsert'), { rows, ...history, actor: write.actor });
    write.changed(rows.map((row) => ({ subject: 'LINK', id: row.id, op: 'UPSERT' })));
    const record = result.records[0];
    return { created: (record?.get('created') as number) ?? 0, total: (record?.get('total') as number) ?? 0 };
  }

  async delete(write: GraphWrite, id: string): Promise<boolean> {
    const result = await write.tx.run(cypher('supply-link/delete'), { id });
    const deleted = (result.records[0].get('deleted') as number) > 0;
    if (deleted) write.changed({ subject: 'LINK', id, op: 'DELETE' });
    return deleted;
  }

  async setStatus(
    write: GraphWrite,
    change: { id: string; status: LinkStatus; reason: string | null; at: string },
  ): Promise<SupplyLinkRecord | null> {
    // The link's lock first, so its history entries are numbered in commit order.
    const locked = await write.tx.run(cypher('supply-link/lock'), { id: change.id });
    if (locked.records.length === 0) return null;
    await writeFirstEntries(write, 'LINK', [change.id]);
    const result = await write.tx.run(cypher('supply-link/set-status'), { ...change, actor: write.actor });
    if (result.records.length === 0) return null;
    const updated = toSupplyLinkRecord(result.records[0].get('link'));
    write.changed({ subject: 'LINK', id: updated.id, op: 'STATUS', status: updated.status });
    return updated;
  }

  exportAll(): Promise<SupplyLinkRecord[]> {
    return this.links(cypher('supply-link/export'), {});
  }

  private async links(query: string, params: Record<string, unknown>): Promise<SupplyLinkRecord[]> {
    const result = await this.db.read(query, params);
    return result.records.map((r) => toSupplyLinkRecord(r.get('link')));
  }
}
