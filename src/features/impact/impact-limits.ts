/** How much one impact request may ask for; the argument classes refuse more. */

/** Most candidates a critical ranking or a resumption plan may return. */
export const MAX_TOP = 200;

/** Most alternative suppliers or routes one request may return. */
export const MAX_ALTERNATIVES = 100;

/** Longest alternative route, in links. */
export const MAX_ROUTE_HOPS = 8;

/** Most enterprises an impact drawing may hold. */
export const MAX_DRAWN_NODES = 2_000;

/** Most ids one scenario list may name. */
export const MAX_SCENARIO_BLOCKS = 10_000;

/** Most link filters one scenario may name. */
export const MAX_LINK_FILTERS = 100;

/** Longest block a scenario may last, in days. */
export const MAX_DURATION_DAYS = 100_000;
