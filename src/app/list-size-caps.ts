import { MAX_CHAIN_NODES } from '../features/chain/chain.args';
import { MAX_DRAWN_NODES, MAX_TOP } from '../features/impact/impact-limits';
import type { QueryLimits } from '../platform/graphql/plugins/query-limits-plugin';
import { MAX_PAGE_SIZE } from '../platform/graphql/pagination/cursor';

/** The most each size argument may ask for anywhere in the schema; costing clamps sizes to these. */
export const LIST_SIZE_CAPS: QueryLimits['listSizeCaps'] = {
  first: MAX_PAGE_SIZE,
  last: MAX_PAGE_SIZE,
  top: MAX_TOP,
  maxNodes: Math.max(MAX_CHAIN_NODES, MAX_DRAWN_NODES),
};
