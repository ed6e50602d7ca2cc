import type { KeysetFetch } from '../graphql/pagination/keyset-page';

/** A listing order: a Cypher expression over the listed variable, and which way. */
export interface ListingOrder {
  /** Cypher expression of the sort key, never null (coalesce where a property may be missing). */
  key: string;
  descending: boolean;
}

/**
 * The tail of a keyset-paged listing of `variable` (whose id is `variable.id`)
 * after its MATCH and WHERE: rows strictly past $fromKey/$fromId in the reading
 * order, sorted by the key and then the id, `returned` and the key as `sortKey`;
 * `carried` are the other variables `returned` reads.
 * Backward pages read the order reversed. Values go in as parameters (see
 * keysetParams); only the whitelisted key expressions are pasted in.
 */
export function keysetTail(
  variable: string,
  order: ListingOrder,
  backward: boolean,
  returned: string,
  carried: readonly string[] = [],
): string {
  const descending = order.descending !== backward;
  const past = descending ? '<' : '>';
  const direction = descending ? 'DESC' : 'ASC';
  return [
    `WITH ${[variable, ...carried].join(', ')}, ${order.key} AS sortKey`,
    `WHERE $fromId IS NULL OR sortKey ${past} $fromKey OR (sortKey = $fromKey AND ${variable}.id ${past} $fromId)`,
    `RETURN ${returned}, sortKey ORDER BY sortKey ${direction}, ${variable}.id ${direction} LIMIT toInteger($limit)`,
  ].join('\n');
}

export function keysetParams(how: KeysetFetch): { fromKey: unknown; fromId: string | null; limit: number } {
  return { fromKey: how.from?.key ?? null, fromId: how.from?.id ?? null, limit: how.limit };
}
