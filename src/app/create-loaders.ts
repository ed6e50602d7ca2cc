import DataLoader from 'dataloader';
import type { EnterpriseRecord } from '../features/enterprise/enterprise.record';
import type { StatusChangeRecord } from '../features/history/status-change.record';
import type { SupplyLinkRecord } from '../features/supply-link/supply-link.record';
import type { Services } from './create-services';

/** Lines rows up with the keys they were asked for. */
function byKey<T>(keys: readonly string[], rows: T[], key: (row: T) => string): (T | null)[] {
  const found = new Map(rows.map((row) => [key(row), row]));
  return keys.map((k) => found.get(k) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(key(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * DataLoaders of one request: each field of a nested query costs one
 * round trip per level, not one per row. Made fresh per request, so nothing
 * is cached across users.
 */
export function createLoaders(services: Services) {
  return {
    enterprise: new DataLoader<string, EnterpriseRecord | null>(async (ids) =>
      byKey(ids, await services.enterprises.findByIds(ids), (e) => e.id),
    ),
    link: new DataLoader<string, SupplyLinkRecord | null>(async (ids) =>
      byKey(ids, await services.links.findByIds(ids), (l) => l.id),
    ),
    inbound: new DataLoader<string, SupplyLinkRecord[]>(async (ids) =>
      groupBy(ids, await services.links.inbound(ids), (l) => l.to),
    ),
    outbound: new DataLoader<string, SupplyLinkRecord[]>(async (ids) =>
      groupBy(ids, await services.links.outbound(ids), (l) => l.from),
    ),
    history: new DataLoader<string, StatusChangeRecord[]>(async (ids) =>
      groupBy(ids, await services.history.forSubjects(ids), (c) => c.subjectId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
