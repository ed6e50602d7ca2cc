import type { GeneratedEnterprise } from './generated-enterprise';
import type { GeneratedLink } from './generated-link';

/**
 * Anything the writers can serialise: two restartable streams of records.
 * `streamSupplyGraph` returns one; so does a pair of arrays.
 */
export interface SupplyGraphSource {
  enterprises(): Iterable<GeneratedEnterprise>;
  links(): Iterable<GeneratedLink>;
}

/** Records written by a writer. */
export interface SupplyGraphCounts {
  enterprises: number;
  links: number;
}
