import type { EnterpriseFilter } from './enterprise.args';
import type { EnterpriseCriteria } from './enterprise.repository';

/** The enterprise filter of the schema as the repository's criteria. */
export function toEnterpriseCriteria(filter: EnterpriseFilter | null | undefined): EnterpriseCriteria {
  const f = filter ?? {};
  return { kinds: f.kind, regions: f.region, statuses: f.status, parks: f.park, ids: f.ids, search: f.search };
}
