import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { GraphWrite } from '../../platform/neo4j/write-graph';
import { writeStaged } from '../../platform/neo4j/write-staged';
import { chunks } from './chunks';
import { ENTERPRISE_FIELDS } from '../enterprise/enterprise.record';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import { LINK_PROPERTY_FIELDS } from '../supply-link/supply-link.record';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { type ImportRunRecord, ImportRunState } from './import-run.record';

/** Link ids per lookup when a publish checks the staged links with a live end are still there. */
const LIVE_END_BATCH = 50_000;

/**
 * Rows per statement within a staging transaction: a batch goes as a few statements, pipelined, so
 * encoding one overlaps running the one before.
 */
const PIPELINED_ROWS = 2_500;

/** Rows removed per transaction when a failed run's staged rows are discarded. */
const DISCARD_BATCH = 10_000;

/**
 * A link to stage, each end named once: by the elementId `stageEnterprises` returned when this run
 * staged it (less the prefix every staged elementId of the run shares, sent once per batch), or by
 * its id when it is live.
 */
export interface StagedLinkRow {
  props: SupplyLinkRow['props'];
  fromStaged?: string;
  fromLive?: string;
  toStaged?: string;
  toLive?: string;
}

/**
 * A staged link as import/stage-links reads it: a list of values (its ends, then LINK_PROPERTY_FIELDS
 * from row[4] on), not a map, since the driver encodes every key of every row as a string, and the
 * keys were most of what a staged import sent.
 */
function stagedLinkValues(row: StagedLinkRow): PropertyValue[] {
  const ends = [row.fromStaged ?? null, row.toStaged ?? null, row.fromLive ?? null, row.toLive ?? null];
  return [...ends, ...LINK_PROPERTY_FIELDS.map((field) => row.props[field] ?? null)];
}

/**
 * A staged enterprise as import/stage-enterprises reads it: its properties in the order of
 * ENTERPRISE_FIELDS, a list for the same reason as stagedLinkValues.
 */
function stagedEnterpriseValues(row: EnterpriseRow): PropertyValue[] {
  return ENTERPRISE_FIELDS.map((field) => row[field] ?? null);
}

/** Thrown inside a run's transaction when the run is no longer STAGING (abandoned, discarded). */
export class RunEndedError extends Error {
  constructor(
    readonly runId: string,
    readonly state: string | null,
  ) {
    super(`import run "${runId}" is ${state ?? 'gone'}, not STAGING: it was given up as abandoned`);
  }
}

/**
 * Import runs and what they stage. A run stages new enterprises under
 * `StagedEnterprise` and new links that have a staged end, each marked with
 * the run's id (which also gives them their first history entry, see
 * writeFirstEntries), in transactions of their own;
 * every graph query reads `Enterprise` nodes and links between two of them,
 * so none of it shows until `publish` relabels the enterprises in the run's
 * last transaction.
 */
export class ImportRunRepository {
  constructor(
    private readonly db: GraphDatabase,
    /** A run not heard of for this long is taken for abandoned. */
    private readonly staleMs: number,
  ) {}

  /** Starts a run in state STAGING, dating the first history entries of the rows it creates `at`; false when its id is taken. */
  async begin(run: { id: string; actor: string; note: string | null; total: number; at: string }): Promise<boolean> {
    const result = await writeStaged(this.db, (tx) => tx.run(cypher('import/begin-run'), run));
    return result.records[0].get('taken') !== true;
  }

  /**
   * Stages enterprises new to the graph and counts them into the run's progress; returns rows
   * written so far and each row's staged node (its elementId, in row order) for `stageLinks`.
   */
  async stageEnterprises(id: string, rows: EnterpriseRow[]): Promise<{ written: number; staged: string[] }> {
    const { written, parts } = await this.stage(id, 'import/stage-enterprises', rows.map(stagedEnterpriseValues));
    return { written, staged: parts.flatMap((part) => part.records[0].get('staged') as string[]) };
  }

  /**
   * Stages links new to the graph that have a staged end, and counts them in; returns rows written so
   * far. `stagedPrefix` + a row's fromStaged or toStaged is the staged end's elementId.
   */
  async stageLinks(id: string, rows: StagedLinkRow[], stagedPrefix: string): Promise<number> {
    return (await this.stage(id, 'import/stage-links', rows.map(stagedLinkValues), { stagedPrefix })).written;
  }

  /**
   * Makes the run's staged rows visible, within the publishing write: refuses
   * when a staged row is missing (a live end deleted meanwhile took its links)
   * or a staged enterprise's id was made live by another write. Only links
   * with a live end (`expected.liveEnded`, their ids) can go missing, so only
   * they are looked for.
   */
  async publish(
    write: GraphWrite,
    id: string,
    expected: { enterprises: number; links: number; liveEnded: string[] },
  ): Promise<void> {
    await this.lockStaging(write.tx, id);
    const counted = await write.tx.run(cypher('import/staged-enterprise-count'), { importId: id });
    const enterprises = counted.records[0].get('enterprises') as number;
    let lost = 0;
    for (const ids of chunks(expected.liveEnded, LIVE_END_BATCH)) {
      const held = await write.tx.run(cypher('import/staged-links-held'), { ids });
      lost += ids.length - (held.records[0].get('held') as number);
    }
    const links = expected.links - lost;
    if (enterprises !== expected.enterprises || links !== expected.links) {
      throw new StagedRowsLostError(
        { enterprises: expected.enterprises, links: expected.links },
        { enterprises, links },
      );
    }
    const taken = await write.tx.run(cypher('import/staged-taken'), { importId: id, limit: 20 });
    const ids = taken.records[0].get('ids') as string[];
    if (ids.length > 0) throw new StagedIdsTakenError(ids);
    await write.tx.run(cypher('import/publish-enterprises'), { importId: id });
  }

  /**
   * Keeps a run heard of while it waits on `work` (its links still being read), so no other import
   * gives it up as abandoned meanwhile; a beat that fails is left to the batch after it.
   */
  async heardOfWhile<T>(id: string, work: Promise<T>): Promise<T> {
    const beat = setInterval(
      () => void this.whileStaging(id, 'import/record-progress', { rows: 0 }).catch(() => undefined),
      Math.max(this.staleMs / 4, 1_000),
    );
    try {
      return await work;
    } finally {
      clearInterval(beat);
    }
  }

  /** Sets a run's row total once its links are read too: it began with its enterprise rows only. */
  async recordTotal(id: string, total: number): Promise<void> {
    await this.whileStaging(id, 'import/record-total', { total });
  }

  /** Removes a failed run once discarded: one whose input was refused leaves no trace. */
  async forget(id: string): Promise<void> {
    await writeStaged(this.db, (tx) => tx.run(cypher('import/forget-run'), { id }));
  }

  /** Of existing enterprise rows, the ids whose stored properties differ (read within `write`). */
  async changedEnterpriseIds(write: GraphWrite, rows: EnterpriseRow[]): Promise<Set<string>> {
    const result = await write.tx.run(cypher('import/changed-enterprises'), { rows });
    return new Set(result.records[0].get('ids') as string[]);
  }

  /** Of existing link rows, the ids whose ends or stored properties differ (read within `write`). */
  async changedLinkIds(write: GraphWrite, rows: SupplyLinkRow[]): Promise<Set<string>> {
    const result = await write.tx.run(cypher('import/changed-links'), { rows });
    return new Set(result.records[0].get('ids') as string[]);
  }

  /** Ends a run as PUBLISHED, within the publishing write, or as FAILED on its own. */
  async finish(
    end: { id: string; state: ImportRunState; error: string | null; counts: Record<string, number> },
    write?: GraphWrite,
  ): Promise<void> {
    const statement = (tx: ManagedTransaction) => tx.run(cypher('import/finish-run'), end);
    await (write ? statement(write.tx) : writeStaged(this.db, statement));
  }

  /** Marks runs not heard of within the stale time FAILED; returns their ids. */
  async abandonStale(): Promise<string[]> {
    const stale = await this.db.read(cypher('import/stale-runs'), { staleMs: this.staleMs });
    const abandoned: string[] = [];
    for (const id of stale.records[0].get('ids') as string[]) {
      const ended = await writeStaged(this.db, async (tx) => {
        const lock = (await tx.run(cypher('import/lock-run'), { id, staleMs: this.staleMs })).records[0];
        // Heard of, or published, while we waited for its lock.
        if (lock?.get('state') !== 'STAGING' || lock.get('stale') !== true) return false;
        await tx.run(cypher('import/finish-run'), {
          id,
          state: ImportRunState.FAILED,
          error: 'abandoned: no progress for too long (its process stopped?)',
          counts: {},
        });
        return true;
      });
      if (ended) abandoned.push(id);
    }
    return abandoned;
  }

  /** Failed runs whose staged rows may not all be discarded yet. */
  async undiscarded(): Promise<string[]> {
    const result = await this.db.read(cypher('import/undiscarded-runs'));
    return result.records[0].get('ids') as string[];
  }

  /** Removes what a failed run staged, a batch per transaction; a published run keeps everything. */
  async discard(id: string): Promise<void> {
    for (;;) {
      const removed = await writeStaged(this.db, async (tx) => {
        const lock = (await tx.run(cypher('import/lock-run'), { id, staleMs: this.staleMs })).records[0];
        if (lock?.get('state') !== 'FAILED') return 0;
        const result = await tx.run(cypher('import/discard-staged'), { importId: id, limit: DISCARD_BATCH });
        const count = result.records[0].get('removed') as number;
        if (count === 0) await tx.run(cypher('import/mark-discarded'), { id });
        return count;
      });
      if (removed === 0) return;
    }
  }

  async findByIds(ids: readonly string[]): Promise<ImportRunRecord[]> {
    const result = await this.db.read(cypher('import/find-runs'), { ids });
    return result.records.map((r) => r.get('run') as ImportRunRecord);
  }

  /**
   * One staging batch and its progress. The run's lock is taken last, so
   * batches run side by side and only their short tails queue; a run given up
   * meanwhile is found FAILED there and the batch rolls back.
   */
  private async stage(
    id: string,
    statement: string,
    rows: PropertyValue[][],
    params: Record<string, string> = {},
  ): Promise<{ written: number; parts: QueryResult[] }> {
    return writeStaged(this.db, async (tx) => {
      // Sent as several statements without waiting on each: Bolt pipelines a transaction's
      // statements, so the driver encodes the next part while Neo4j runs the one before.
      const parts: QueryResult[] = await Promise.all(
        chunks(rows, PIPELINED_ROWS).map((part) => tx.run(cypher(statement), { ...params, rows: part, importId: id })),
      );
      await this.lockStaging(tx, id);
      const progress = await tx.run(cypher('import/record-progress'), { id, rows: rows.length });
      return { written: progress.records[0].get('written') as number, parts };
    });
  }

  /** One statement about the run, in a transaction of its own, under its lock while it is STAGING. */
  private async whileStaging(id: string, statement: string, params: Record<string, number>): Promise<void> {
    await writeStaged(this.db, async (tx) => {
      await this.lockStaging(tx, id);
      await tx.run(cypher(statement), { ...params, id });
    });
  }

  /** Takes the run's lock; refuses unless it is still STAGING (not given up as abandoned meanwhile). */
  private async lockStaging(tx: ManagedTransaction, id: string): Promise<void> {
    const lock = (await tx.run(cypher('import/lock-run'), { id, staleMs: this.staleMs })).records[0];
    const state = (lock?.get('state') as string | undefined) ?? null;
    if (state !== 'STAGING') throw new RunEndedError(id, state);
  }
}

/** Staged rows that are no longer there at publish time. */
export class StagedRowsLostError extends Error {
  constructor(
    readonly expected: { enterprises: number; links: number },
    readonly held: { enterprises: number; links: number },
  ) {
    super(
      `staged ${expected.enterprises} enterprises and ${expected.links} links, but ${held.enterprises} and ` +
        `${held.links} are left: an enterprise the import links to was deleted while it ran`,
    );
  }
}

/** Staged enterprise ids another write created while the import ran. */
export class StagedIdsTakenError extends Error {
  constructor(readonly ids: string[]) {
    super(`enterprises ${ids.map((id) => `"${id}"`).join(', ')} were created by another write while the import ran`);
  }
}
