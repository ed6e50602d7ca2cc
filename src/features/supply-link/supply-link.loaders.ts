import DataLoader from 'dataloader';
import { rowsByKey, rowsGroupedByKey } from '../../platform/graphql/loader-rows';
import type { SupplyLinkRecord } from './supply-link.record';
import type { SupplyLinkService } from './supply-link.service';

/** Links by id, and the links into and out of enterprises, batched per request. */
export function createSupplyLinkLoaders(links: SupplyLinkService) {
  return {
    link: new DataLoader<string, SupplyLinkRecord | null>(async (ids) =>
      rowsByKey(ids, await links.findByIds(ids), (l) => l.id),
    ),
    inbound: new DataLoader<string, SupplyLinkRecord[]>(async (ids) =>
      rowsGroupedByKey(ids, await links.inbound(ids), (l) => l.to),
    ),
    outbound: new DataLoader<string, SupplyLinkRecord[]>(async (ids) =>
      rowsGroupedByKey(ids, await links.outbound(ids), (l) => l.from),
    ),
  };
}

export type SupplyLinkLoaders = ReturnType<typeof createSupplyLinkLoaders>;
