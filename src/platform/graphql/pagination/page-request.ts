import { badUserInput } from '../user-errors';
import { MAX_PAGE_SIZE } from './cursor';

/** Page size when a connection is asked for neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 50;

/** The paging arguments of a connection: `first`/`after` forward, `last`/`before` backward. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which way a page is read, how many nodes, and from which cursor (exclusive). */
export interface PageWindow {
  backward: boolean;
  size: number;
  cursor: string | null;
}

function checkSize(name: 'first' | 'last', size: number): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    const message = `must be from 1 to ${MAX_PAGE_SIZE}`;
    throw badUserInput(`${name} ${message}`, [{ path: name, message }]);
  }
  return size;
}

/**
 * Reads the paging arguments: forward with `first` and `after`, backward with
 * `last` and `before`; mixing the two directions is refused rather than
 * guessed at.
 */
export function pageWindow(request: PageRequest): PageWindow {
  const { first, after, last, before } = request;
  const forward = (first ?? null) !== null || (after ?? null) !== null;
  const backward = (last ?? null) !== null || (before ?? null) !== null;
  if (forward && backward) {
    throw badUserInput('Page forward with first/after or backward with last/before, not both', [
      { path: last != null ? 'last' : 'before', message: 'cannot be combined with first or after' },
    ]);
  }
  if (backward) return { backward: true, size: checkSize('last', last ?? DEFAULT_PAGE_SIZE), cursor: before ?? null };
  return { backward: false, size: checkSize('first', first ?? DEFAULT_PAGE_SIZE), cursor: after ?? null };
}
