import type { EnterpriseFilter } from './enterprise.args';
import type { EnterpriseCriteria } from './enterprise.repository';

/** The enterprise filter of the schema as the repository's criteria. */
export function toEnterpriseCriteria(filter: EnterpriseFilter | null | undefined): EnterpriseCriteria {
  const f = filter ?? {};
  const bbox = f.bbox
    ? { minLat: f.bbox.minLat, minLon: f.bbox.minLon, maxLat: f.bbox.maxLat, maxLon: f.bbox.maxLon }
    : null;
  return { kinds: f.kind, regions: f.region, statuses: f.status, parks: f.park, ids: f.ids, search: f.search, bbox };
}
