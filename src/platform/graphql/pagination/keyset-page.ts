import { badUserInput } from '../user-errors';
import type { Page } from './connection.type';
import { decodeCursor, encodeCursor } from './cursor';
import { type PageRequest, pageWindow } from './page-request';

/** Where a keyset page starts (exclusive): the sort key and id of the node at the cursor. */
export interface KeysetPosition {
  key: string | number;
  id: string;
}

/** How a keyset page is read: the rows after `from` in listing order, or before it read in reverse. */
export interface KeysetFetch {
  limit: number;
  from: KeysetPosition | null;
  backward: boolean;
}

function decodePosition(cursor: string, argument: string): KeysetPosition {
  let position: unknown;
  try {
    position = JSON.parse(decodeCursor(cursor, argument));
  } catch {
    position = null;
  }
  if (
    !Array.isArray(position) ||
    position.length !== 2 ||
    !['string', 'number'].includes(typeof position[0]) ||
    typeof position[1] !== 'string'
  )
    throw badUserInput(`${argument} is not a cursor this service issued: "${cursor}"`);
  return { key: position[0] as string | number, id: position[1] };
}

/**
 * A page in a listing order (a sort key, then id): fetches one row more than
 * asked to learn whether there is more in the paging direction, and the total
 * count alongside. A backward page is read in reverse order and turned round.
 */
export async function keysetPage<T extends { id: string }>(
  request: PageRequest,
  fetch: (how: KeysetFetch) => Promise<{ node: T; key: string | number }[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const window = pageWindow(request);
  const from = window.cursor ? decodePosition(window.cursor, window.backward ? 'before' : 'after') : null;
  const [rows, totalCount] = await Promise.all([
    fetch({ limit: window.size + 1, from, backward: window.backward }),
    count(),
  ]);
  const more = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (window.backward) page.reverse();
  const edges = page.map(({ node, key }) => ({ cursor: encodeCursor(JSON.stringify([key, node.id])), node }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount,
    pageInfo: {
      hasNextPage: window.backward ? from !== null : more,
      hasPreviousPage: window.backward ? more : from !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
