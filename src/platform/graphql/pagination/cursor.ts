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
 * A page request over offset cursors, decoded: `size` items read forward
 * from `offset` (null: the start), or backward ending just before `offset`
 * (null: the end). Engine jobs are asked for such windows before the total
 * is known.
 */
export interface OffsetWindow {
  backward: boolean;
  size: number;
  offset: number | null;
}

/** Decodes a page request into an offset window, refusing sizes and cursors this service would not issue. */
export function offsetWindow(request: PageRequest): OffsetWindow {
  const window = pageWindow(request);
  const argument = window.backward ? 'before' : 'after';
  const cursor = window.cursor === null ? null : Number(decodeCursor(window.cursor, argument));
  if (cursor !== null && (!Number.isInteger(cursor) || cursor < 0))
    throw badUserInput(`${argument} is not a cursor this service issued: "${window.cursor}"`);
  const offset = cursor === null || window.backward ? cursor : cursor + 1;
  return { backward: window.backward, size: window.size, offset };
}

/** The items `start .. start + count - 1` an offset window covers of `total` items in a fixed order. */
export function windowRange(total: number, window: OffsetWindow): { start: number; count: number } {
  if (!window.backward) {
    const start = window.offset ?? 0;
    return { start, count: Math.max(0, Math.min(window.size, total - start)) };
  }
  const end = Math.min(window.offset ?? total, total);
  const start = Math.max(0, end - window.size);
  return { start, count: end - start };
}

/**
 * The items `start .. start + count - 1` a page request covers of `total`
 * items in a fixed order, with offset cursors: forward from just after
 * `after`, or backward, ending just before `before` (at the end without it).
 */
export function offsetRange(total: number, request: PageRequest): { start: number; count: number } {
  return windowRange(total, offsetWindow(request));
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
