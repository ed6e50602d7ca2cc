/** How far an import run has come: staging batches, then published in one transaction, or failed. */
export enum ImportRunState {
  STAGING = 'STAGING',
  PUBLISHED = 'PUBLISHED',
  FAILED = 'FAILED',
}

/** An import run as stored in its `ImportRun` node, apart from the supply graph. */
export interface ImportRunRecord {
  id: string;
  actor: string;
  note: string | null;
  state: ImportRunState;
  /** Rows in the document. */
  total: number;
  /** Rows staged or written so far. */
  written: number;
  error: string | null;
  enterprisesCreated: number | null;
  enterprisesUpdated: number | null;
  linksCreated: number | null;
  linksUpdated: number | null;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
}
