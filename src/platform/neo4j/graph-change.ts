import type { Actor } from '../actor';

/** What a write can change; only enterprises and links are in the supply graph. */
export type ChangeSubject = 'ENTERPRISE' | 'LINK' | 'SCENARIO' | 'TOKEN';

/** True for what the supply graph (and so the engine's index of it) holds. */
export function isSupplyGraphSubject(subject: ChangeSubject): boolean {
  return subject === 'ENTERPRISE' || subject === 'LINK';
}

/** UPSERT: created or replaced; DELETE: removed; STATUS: only its status (and capacity) changed. */
export type ChangeOp = 'UPSERT' | 'DELETE' | 'STATUS';

/** One thing a write changed. */
export interface ChangeItem {
  subject: ChangeSubject;
  id: string;
  op: ChangeOp;
  /** With STATUS: the status it now has. */
  status?: string;
  /** With STATUS of an enterprise: the capacityRecovery it now has. */
  capacityRecovery?: number;
}

/**
 * One committed write, stored as `(:GraphChange)` under the graph version it
 * made. Readers replay what they can (the engine replays STATUS items) and
 * read the graph again for anything else.
 */
export interface GraphChange {
  version: number;
  /** ISO 8601 server time of the commit. */
  at: string;
  actor: Actor;
  /** The write that made it: `setLinkStatus`, `import`, `saveScenario`, ... */
  operation: string;
  /** What changed; empty when `listed` is false. */
  items: ChangeItem[];
  /** False when the write changed more than MAX_LISTED_CHANGES things: only the counts say what. */
  listed: boolean;
  /** How many things of each subject the write changed. */
  counts: Record<ChangeSubject, number>;
}

/** Above this many items a change keeps counts only, so one large import stays one small record. */
export const MAX_LISTED_CHANGES = 1_000;

/** How many of the latest changes the graph keeps; an instance further behind reads the graph again. */
export const KEPT_CHANGES = 1_000;
