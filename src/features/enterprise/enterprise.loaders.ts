import DataLoader from 'dataloader';
import { rowsByKey } from '../../platform/graphql/loader-rows';
import type { EnterpriseRecord } from './enterprise.record';
import type { EnterpriseService } from './enterprise.service';

/** Enterprises by id, batched per request: one round trip per level of a nested query. */
export function createEnterpriseLoaders(enterprises: EnterpriseService) {
  return {
    enterprise: new DataLoader<string, EnterpriseRecord | null>(async (ids) =>
      rowsByKey(ids, await enterprises.findByIds(ids), (e) => e.id),
    ),
  };
}

export type EnterpriseLoaders = ReturnType<typeof createEnterpriseLoaders>;
