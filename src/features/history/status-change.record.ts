/** One dated entry of an enterprise's or a link's status history. */
export interface StatusChangeRecord {
  subjectId: string;
  subjectType: 'ENTERPRISE' | 'LINK';
  at: string;
  status: string;
  capacityRecovery: number | null;
  workforceReturned: number | null;
  note: string | null;
  /** Who made the change (the write's actor); null for entries older than the record of actors. */
  actor: string | null;
}
