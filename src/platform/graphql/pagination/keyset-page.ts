import type { Page } from './connection.type';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * A page in id order: fetches one row more than asked to learn whether a next
 * page exists, and the total count alongside.
 */
export async function keysetPage<T extends { id: string }>(
  first: number,
  after: string | null,
  fetch: (limit: number, afterId: string | null) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const afterId = after ? decodeCursor(after) : null;
  const [rows, totalCount] = await Promise.all([fetch(first + 1, afterId), count()]);
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
