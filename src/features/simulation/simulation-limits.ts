/** How much one simulation request may name; the input classes refuse more (the 8 MB body limit bounds the sum). */

/** Most events of one timeline. */
export const MAX_SIMULATION_EVENTS = 1_000;

/** Most ids or names in one list of a block set (links, enterprises, regions). */
export const MAX_BLOCK_SET_IDS = 10_000;

/** Most link filters in one block set. */
export const MAX_BLOCK_SET_FILTERS = 50;

/** Most capacity changes of one event. */
export const MAX_CAPACITY_CHANGES = 10_000;

/** Most enterprises whose daily series one simulation returns (a series is horizonDays numbers). */
export const MAX_WATCHED = 500;
