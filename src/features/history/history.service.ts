import type { StatusChangeRecord } from './status-change.record';
import type { HistoryRepository } from './history.repository';

/** The dated status history of enterprises and links. */
export class HistoryService {
  constructor(private readonly repository: HistoryRepository) {}

  /** Entries of all the subjects, newest first. */
  forSubjects(ids: readonly string[]): Promise<StatusChangeRecord[]> {
    return this.repository.forSubjects(ids);
  }
}
