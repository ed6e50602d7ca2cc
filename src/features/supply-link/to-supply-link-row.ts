import { propertyRow } from '../../platform/neo4j/property-row';
import { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkInput } from './supply-link.input';
import { LINK_PROPERTY_FIELDS } from './supply-link.record';
import type { SupplyLinkRow } from './supply-link.repository';

/** A validated link input as the row to store: every property present, OPEN when no status is given. */
export function toSupplyLinkRow(input: SupplyLinkInput): SupplyLinkRow {
  const props = propertyRow(input, LINK_PROPERTY_FIELDS);
  return { id: input.id, from: input.from, to: input.to, props: { ...props, status: input.status ?? LinkStatus.OPEN } };
}
