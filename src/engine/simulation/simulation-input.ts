import type { TransportMode } from '../graph-input';
import type { LinkFilter } from '../link-filter';

/** Longest horizon a simulation accepts (§9). */
export const MAX_HORIZON_DAYS = 365;

/** rho of §9 when none is given: a tenth of a day's normal inbound volume refills stock per day. */
export const DEFAULT_RESTOCK_RATE = 0.1;

/** Things to block or unblock, one set per kind (§9); every field is optional. */
export interface BlockSet {
  links?: readonly string[] | null;
  /** Enterprises down; their links stay open. */
  enterprises?: readonly string[] | null;
  /** Every enterprise of these regions down. */
  regions?: readonly string[] | null;
  /** Every link of these modes blocked. */
  modes?: readonly TransportMode[] | null;
  /** Every link each filter matches blocked; an unblock names a filter by its values. */
  linksWhere?: readonly LinkFilter[] | null;
}

/** own(v) from this day on: for one enterprise, or for every enterprise of a region. Exactly one of the two. */
export interface CapacityChange {
  enterpriseId?: string | null;
  region?: string | null;
  /** 0..1 */
  capacity: number;
}

/** What changes before day `day` is computed: block, then unblock, then capacity. */
export interface SimulationEvent {
  /** 0 .. horizonDays - 1 */
  day: number;
  block?: BlockSet | null;
  unblock?: BlockSet | null;
  setCapacity?: readonly CapacityChange[] | null;
}

export interface SimulationInput {
  /** H of §9: days 0 .. H - 1 are computed; 1 .. MAX_HORIZON_DAYS. */
  horizonDays: number;
  /** rho of §9, >= 0; DEFAULT_RESTOCK_RATE when absent. */
  restockRate?: number | null;
  /** Start from the real current state (§2) instead of everything running. */
  includeCurrentState?: boolean | null;
  /** Applied day by day; events of one day in list order. */
  events: readonly SimulationEvent[];
  /** Enterprises whose fraction is returned for every day. */
  watch?: readonly string[] | null;
}
