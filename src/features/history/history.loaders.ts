import DataLoader from 'dataloader';
import { rowsGroupedByKey } from '../../platform/graphql/loader-rows';
import type { HistoryService } from './history.service';
import type { StatusChangeRecord } from './status-change.record';

/** The status history of enterprises and links by subject id, batched per request. */
export function createHistoryLoaders(history: HistoryService) {
  return {
    history: new DataLoader<string, StatusChangeRecord[]>(async (ids) =>
      rowsGroupedByKey(ids, await history.forSubjects(ids), (c) => c.subjectId),
    ),
  };
}

export type HistoryLoaders = ReturnType<typeof createHistoryLoaders>;
