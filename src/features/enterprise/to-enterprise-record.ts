import { orNull } from '../../platform/neo4j/or-null';
import type { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import type { EnterpriseRecord } from './enterprise.record';

type Stored = Record<string, unknown>;

/** Neo4j omits null properties; the record names every field. */
export function toEnterpriseRecord(stored: Stored): EnterpriseRecord {
  return {
    id: stored.id as string,
    name: stored.name as string,
    nameLocal: orNull(stored.nameLocal),
    kind: stored.kind as EnterpriseKind,
    region: stored.region as string,
    park: orNull(stored.park),
    lat: orNull(stored.lat),
    lon: orNull(stored.lon),
    status: stored.status as EnterpriseStatus,
    capacityRecovery: stored.capacityRecovery as number,
    workforceReturned: orNull(stored.workforceReturned),
    dailyCapacity: orNull(stored.dailyCapacity),
    unit: orNull(stored.unit),
    dailyOutputValue: orNull(stored.dailyOutputValue),
    whitelisted: orNull(stored.whitelisted),
    source: orNull(stored.source),
    note: orNull(stored.note),
  };
}
