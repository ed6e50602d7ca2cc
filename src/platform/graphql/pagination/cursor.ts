import { badUserInput } from '../user-errors';
import type { Page } from './connection.type';
import { type PageRequest, pageWindow } from './page-request';

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

/** Pages over a list already in memory, with offset cursors. */
export function pageOfList<T>(items: readonly T[], request: PageRequest) {
  return pageOfRange(items.length, request, (start, count) => items.slice(start, start + count));
}

/**
 * The items `start .. start + count - 1` a page request covers of `total`
 * items in a fixed order, with offset cursors: forward from just after
 * `after`, or backward, ending just before `before` (at the end without it).
 */
export function offsetRange(total: number, request: PageRequest): { start: number; count: number } {
  const window = pageWindow(request);
  const argument = window.backward ? 'before' : 'after';
  const offset = window.cursor === null ? null : Number(decodeCursor(window.cursor, argument));
  if (offset !== null && (!Number.isInteger(offset) || offset < 0))
    throw badUserInput(`${argument} is not a cursor this service issued: "${window.cursor}"`);
  if (!window.backward) {
    const start = offset === null ? 0 : offset + 1;
    return { start, count: Math.max(0, Math.min(window.size, total - start)) };
  }
  const end = Math.min(offset ?? total, total);
  const start = Math.max(0, end - window.size);
  return { start, count: end - start };
}

/**
 * Pages over `total` items in a fixed order, with offset cursors, reading
 * only the page: `slice(start, count)` gives items start .. start + count - 1.
 */
export function pageOfRange<T>(
  total: number,
  request: PageRequest,
  slice: (start: number, count: number) => readonly T[],
): Page<T> {
  const { start, count } = offsetRange(total, request);
  const page = count > 0 ? slice(start, count) : [];
  const edges = page.map((node, i) => ({ cursor: encodeCursor(String(start + i)), node }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: total,
    pageInfo: {
      hasNextPage: start + count < total,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
