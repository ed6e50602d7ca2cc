import { badUserInput } from '../user-errors';

/** Opaque cursors: clients pass them back, never build them. */
export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:')) throw badUserInput(`${argument} is not a cursor this service issued: "${cursor}"`);
  return text.slice(2);
}

export const MAX_PAGE_SIZE = 500;

/** Where a page of offset cursors starts, refusing a page size or cursor this service would not issue. */
export function pageStart(first: number, after: string | null | undefined): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be from 1 to ${MAX_PAGE_SIZE}`, [
      { path: 'first', message: `must be from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  const start = after ? Number(decodeCursor(after)) + 1 : 0;
  if (!Number.isInteger(start) || start < 0)
    throw badUserInput(`after is not a cursor this service issued: "${after}"`);
  return start;
}

/** Pages over a list already in memory, with offset cursors. */
export function pageOfList<T>(items: readonly T[], first: number, after: string | null | undefined) {
  return pageOfRange(items.length, first, after, (start, count) => items.slice(start, start + count));
}

/**
 * Pages over `total` items in a fixed order, with offset cursors, reading
 * only the page: `slice(start, count)` gives items start .. start + count - 1.
 */
export function pageOfRange<T>(
  total: number,
  first: number,
  after: string | null | undefined,
  slice: (start: number, count: number) => readonly T[],
) {
  const start = pageStart(first, after);
  const page = start < total ? slice(start, Math.min(first, total - start)) : [];
  const edges = page.map((node, i) => ({ cursor: encodeCursor(String(start + i)), node }));
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: start + first < total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
