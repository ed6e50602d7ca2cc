import { orNull } from '../../platform/neo4j/or-null';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { TransportMode } from '../vocabulary/transport-mode.enum';
import type { SupplyLinkRecord } from './supply-link.record';

type Stored = Record<string, unknown>;

/** Neo4j omits null properties; the record names every field. */
export function toSupplyLinkRecord(stored: Stored): SupplyLinkRecord {
  return {
    id: stored.id as string,
    from: stored.from as string,
    to: stored.to as string,
    product: stored.product as string,
    mode: stored.mode as TransportMode,
    volume: orNull(stored.volume),
    unit: orNull(stored.unit),
    status: stored.status as LinkStatus,
    inventoryDays: orNull(stored.inventoryDays),
    source: orNull(stored.source),
    note: orNull(stored.note),
  };
}
