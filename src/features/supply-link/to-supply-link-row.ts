import { propertyRow } from '../../platform/neo4j/property-row';
import { LinkStatus } from '../vocabulary/link-status.enum';
import type { SupplyLinkInput } from './supply-link.input';
import { LINK_FIELDS } from './supply-link.record';
import type { SupplyLinkRow } from './supply-link.repository';

/** The properties stored on the relationship; its ends are the enterprises it joins. */
const PROPERTY_FIELDS = LINK_FIELDS.filter((field) => field !== 'from' && field !== 'to');

/** A validated link input as the row to store: every property present, OPEN when no status is given. */
export function toSupplyLinkRow(input: SupplyLinkInput): SupplyLinkRow {
  const props = propertyRow(input, PROPERTY_FIELDS);
  return { id: input.id, from: input.from, to: input.to, props: { ...props, status: input.status ?? LinkStatus.OPEN } };
}
