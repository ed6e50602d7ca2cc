import type { SupplyLinkFilter } from './supply-link.args';
import type { SupplyLinkCriteria } from './supply-link.repository';

/** The link filter of the schema as the repository's criteria. */
export function toSupplyLinkCriteria(filter: SupplyLinkFilter | null | undefined): SupplyLinkCriteria {
  const f = filter ?? {};
  return { products: f.product, modes: f.mode, statuses: f.status, from: f.from, to: f.to };
}
