import type { Actor } from '../../platform/actor';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../platform/graphql/error-code';
import { conflict, type InputProblem } from '../../platform/graphql/user-errors';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { type GraphWrite, writeGraph } from '../../platform/neo4j/write-graph';
import type { EnterpriseRepository, EnterpriseRow } from '../enterprise/enterprise.repository';
import { type ImportRunRecord, ImportRunState } from './import-run.record';
import {
  type ImportRunRepository,
  RunEndedError,
  StagedIdsTakenError,
  type StagedLinkRow,
  StagedRowsLostError,
} from './import-run.repository';
import type { SupplyLinkRepository, SupplyLinkRow } from '../supply-link/supply-link.repository';
import { chunks } from './chunks';
import { runConcurrently } from './run-concurrently';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';
import { importRejected } from './import-rejected';
import {
  type CheckedGraph,
  checkedSoFar,
  type PartlyCheckedGraph,
  type ValidatedGraph,
  validateGraphDocument,
} from './validate-graph-document';

export interface ImportCounts {
  enterprisesCreated: number;
  enterprisesUpdated: number;
  linksCreated: number;
  linksUpdated: number;
}

/**
 * The steps of an import as `onPhase` reports their ends: the enterprise rows checked against the
 * graph, the new enterprises staged, the links read and checked, the new links staged, and the run
 * published.
 */
export type ImportPhase = 'checked' | 'enterprisesStaged' | 'linksChecked' | 'linksStaged' | 'published';

export interface ImportOptions {
  labels?: RowLabels;
  /** Rows per staging transaction. */
  batchSize?: number;
  /** Staging transactions open at once (see STAGING_STREAMS). */
  streams?: number;
  /** Called after each committed batch with rows written so far and in all. */
  onProgress?: (written: number, total: number) => void | Promise<void>;
  /** Called as each step of the run ends, in order, to tell where an import's time goes. */
  onPhase?: (phase: ImportPhase) => void;
  /** Note written into the history entries of this import. */
  note?: string;
  at?: Date;
  /** The run's id, to follow it with `importRun(id)` while it runs; a new UUID when not given. */
  runId?: string;
}

/** The ids of the enterprises and links a bulk load wrote. */
export interface BulkLoadedIds {
  enterpriseIds: readonly string[];
  linkIds: readonly string[];
}

/** What an import wrote, and the run that wrote it. */
export interface ImportResult extends ImportCounts {
  runId: string;
}

/** The longest prefix all the strings share ('' for none). */
function commonPrefix(strings: Iterable<string>): string {
  let prefix: string | null = null;
  for (const s of strings) {
    if (prefix === null) prefix = s;
    let n = 0;
    while (n < prefix.length && prefix.charCodeAt(n) === s.charCodeAt(n)) n += 1;
    if (n < prefix.length) prefix = prefix.slice(0, n);
  }
  return prefix ?? '';
}

/**
 * Staging transactions open at once. Neo4j runs a transaction on one thread, so a second batch keeps
 * another core busy while the first commits: a 100k import 55 -> 50 s (medians of 8 back to back) on
 * two cores.
 */
const STAGING_STREAMS = 2;

/** Ids per existence lookup while sorting rows into new and existing. */
const LOOKUP_BATCH = 50_000;

/** Of `ids`, those `lookup` finds, asked a batch at a time. */
async function existingInBatches(
  ids: string[],
  lookup: (batch: string[]) => Promise<Set<string>>,
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(ids, LOOKUP_BATCH)) for (const id of await lookup(batch)) found.add(id);
  return found;
}

/**
 * Passes on the rows written so far one call at a time, and only when they grew: batches side by side
 * commit in any order.
 */
function progressReporter(
  onProgress: ImportOptions['onProgress'],
  total: () => number,
): (written: number) => Promise<void> {
  let reported = 0;
  let reporting = Promise.resolve();
  return (written) => {
    reporting = reporting.then(async () => {
      if (written <= reported) return;
      reported = written;
      await onProgress?.(written, total());
    });
    return reporting;
  };
}

/** Names an import's new rows in its change record, a batch at a time (millions of rows, few listed). */
function recordCreated(write: GraphWrite, enterpriseIds: readonly string[], linkIds: readonly string[]): void {
  for (const batch of chunks(enterpriseIds, LOOKUP_BATCH)) {
    write.changed(batch.map((id) => ({ subject: 'ENTERPRISE', id, op: 'UPSERT' })));
  }
  for (const batch of chunks(linkIds, LOOKUP_BATCH)) {
    write.changed(batch.map((id) => ({ subject: 'LINK', id, op: 'UPSERT' })));
  }
}

/**
 * Upserts a whole graph document by id, all or nothing for every reader:
 * every problem is listed by row and nothing is written unless there are
 * none. Rows new to the graph stream in in batches, staged out of sight under
 * the run's id (so the database never holds one huge transaction); the last,
 * short transaction makes them visible together with the rows that change
 * what exists, and moves the graph version once. A failure at any point
 * discards what was staged. The importGraph mutation, the import command and
 * the demo seed come here.
 */
export class ImportService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly enterprises: EnterpriseRepository,
    private readonly links: SupplyLinkRepository,
    private readonly runs: ImportRunRepository,
  ) {}

  async importGraph(actor: Actor, document: GraphDocument, options: ImportOptions = {}): Promise<ImportResult> {
    const checked = validateGraphDocument(document, options.labels ?? JSON_ROW_LABELS);
    return this.importValidated(actor, checkedSoFar(checked), options);
  }

  /**
   * The same import of rows checked on their own as they are read (validateGraphRows as a CSV
   * folder streams in, or checkedSoFar of a whole document); the checks against the graph follow
   * here. A whole document is checked against the graph before anything is written. A CSV folder's
   * new enterprises are staged while its links are still being read: when a link is then found
   * wrong, the run discards what it staged and leaves no trace, as if refused at once.
   */
  async importValidated(
    actor: Actor,
    checked: PartlyCheckedGraph,
    options: Omit<ImportOptions, 'labels'> = {},
  ): Promise<ImportResult> {
    const lookup = await this.idLookup();
    const enterpriseIds = checked.enterprises.map((row) => row.id as string);
    // A whole document passes here or is refused; a refusal lists every problem, so it waits for the links too.
    const passed =
      !checked.clean || checked.linksRead || (await lookup.links(enterpriseIds)).size > 0
        ? await passedAgainstGraph(await checked.whole, lookup)
        : null;
    const runId = options.runId ?? randomUUID();
    const note = options.note ?? 'import';
    const at = (options.at ?? new Date()).toISOString();
    await this.discardAbandoned();
    const existing = await lookup.enterprises(enterpriseIds);
    const enterprises = {
      staged: checked.enterprises.filter((row) => !existing.has(row.id as string)),
      existing: checked.enterprises.filter((row) => existing.has(row.id as string)),
    };
    options.onPhase?.('checked');
    // Until a CSV folder's links are read, the total counts its enterprise rows (recordTotal).
    const total = checked.enterprises.length + (passed?.links.length ?? 0);
    if (!(await this.runs.begin({ id: runId, actor, note, total, at }))) {
      throw conflict(`Import refused, nothing was changed: import run id "${runId}" is taken; give a new one.`);
    }
    try {
      const counts = await this.stageAndPublish(
        runId,
        actor,
        { enterprises, links: passed ?? checked.whole, total },
        lookup,
        {
          ...options,
          note,
          at,
        },
      );
      return { runId, ...counts };
    } catch (error) {
      await this.fail(runId, error);
      throw explainRunFailure(error);
    }
  }

  private async stageAndPublish(
    runId: string,
    actor: Actor,
    rows: {
      enterprises: { staged: EnterpriseRow[]; existing: EnterpriseRow[] };
      /** A whole document, already checked against the graph; or a CSV folder's links as they are read. */
      links: ValidatedGraph | Promise<CheckedGraph>;
      /** The run's total as it began. */
      total: number;
    },
    lookup: IdLookup,
    options: Omit<ImportOptions, 'at' | 'labels'> & { note: string; at: string },
  ): Promise<ImportCounts> {
    const batchSize = options.batchSize ?? 5_000;
    const history = { at: options.at, note: options.note, actor };
    // Batches side by side: two link batches may lock the same enterprise (Neo4j locks a link's ends
    // as its batch commits), and then one waits; a deadlock, never seen in testing, would be retried
    // as transient. The run's lock comes last in a batch (lock-run).
    const streams = options.streams ?? STAGING_STREAMS;
    const { enterprises, links } = rows;
    let { total } = rows;
    const report = progressReporter(options.onProgress, () => total);
    const stagedNodes = new Map<string, string>();
    await runConcurrently(chunks(enterprises.staged, batchSize), streams, async (batch) => {
      const { written, staged } = await this.runs.stageEnterprises(runId, batch);
      batch.forEach((row, i) => stagedNodes.set(row.id as string, staged[i]));
      await report(written);
    });
    // Staged elementIds share a long prefix (the database's id): it is sent once per batch, not twice per link.
    const stagedPrefix = commonPrefix(stagedNodes.values());
    options.onPhase?.('enterprisesStaged');
    let graph: ValidatedGraph;
    if (links instanceof Promise) {
      const read = await this.runs.heardOfWhile(runId, links);
      graph = await passedAgainstGraph(read, lookup, { enterpriseIdsChecked: true });
      if (graph.links.length > 0) {
        total += graph.links.length;
        await this.runs.recordTotal(runId, total);
      }
    } else {
      graph = links;
    }
    const plan = await planLinks(graph.links, stagedNodes, lookup);
    options.onPhase?.('linksChecked');
    await runConcurrently(chunks(plan.staged, batchSize), streams, async (rows) => {
      const batch = rows.map((row): StagedLinkRow => {
        const link: StagedLinkRow = { props: row.props };
        const from = stagedNodes.get(row.from);
        const to = stagedNodes.get(row.to);
        if (from === undefined) link.fromLive = row.from;
        else link.fromStaged = from.slice(stagedPrefix.length);
        if (to === undefined) link.toLive = row.to;
        else link.toStaged = to.slice(stagedPrefix.length);
        return link;
      });
      await report(await this.runs.stageLinks(runId, batch, stagedPrefix));
    });
    options.onPhase?.('linksStaged');
    const counts = await writeGraph(this.db, { actor, operation: 'import' }, async (write) => {
      await this.runs.publish(write, runId, {
        enterprises: enterprises.staged.length,
        links: plan.staged.length,
        liveEnded: plan.staged
          .filter((row) => !stagedNodes.has(row.from) || !stagedNodes.has(row.to))
          .map((row) => row.id),
      });
      recordCreated(
        write,
        enterprises.staged.map((row) => row.id as string),
        plan.staged.map((row) => row.id),
      );
      // Rows that change what exists are written here, and only where they change something.
      let enterprisesRecreated = 0;
      let linksCreated = 0;
      for (const batch of chunks(enterprises.existing, batchSize)) {
        const changed = await this.runs.changedEnterpriseIds(write, batch);
        const rows = batch.filter((row) => changed.has(row.id as string));
        if (rows.length > 0) enterprisesRecreated += (await this.enterprises.upsertMany(write, rows, history)).created;
      }
      for (const batch of chunks(plan.existing, batchSize)) {
        const changed = await this.runs.changedLinkIds(write, batch);
        const rows = batch.filter((row) => changed.has(row.id));
        if (rows.length > 0) linksCreated += (await this.links.upsertMany(write, rows, history)).created;
      }
      for (const batch of chunks(plan.liveNew, batchSize)) {
        linksCreated += (await this.links.upsertMany(write, batch, history)).created;
      }
      const result: ImportCounts = {
        enterprisesCreated: enterprises.staged.length + enterprisesRecreated,
        enterprisesUpdated: enterprises.existing.length - enterprisesRecreated,
        linksCreated: plan.staged.length + linksCreated,
        linksUpdated: plan.existing.length + plan.liveNew.length - linksCreated,
      };
      await this.runs.finish({ id: runId, state: ImportRunState.PUBLISHED, error: null, counts: { ...result } }, write);
      return result;
    });
    await options.onProgress?.(total, total);
    options.onPhase?.('published');
    return counts;
  }

  /**
   * Ends a failed run and discards what it staged; a failure to clean up is left to the next import.
   * A run whose input was refused (a bad link row, an unreadable links file) leaves no run behind
   * either: bad input changes nothing, however far the run had got.
   */
  private async fail(runId: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.runs.finish({ id: runId, state: ImportRunState.FAILED, error: message, counts: {} });
      await this.runs.discard(runId);
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
        await this.runs.forget(runId);
      }
    } catch {
      // The run stays STAGING or undiscarded: the next import finds it abandoned and discards it.
    }
  }

  /** Gives up runs whose process stopped, and removes what every failed run left staged. */
  async discardAbandoned(): Promise<void> {
    await this.runs.abandonStale();
    for (const id of await this.runs.undiscarded()) await this.runs.discard(id);
  }

  /** The runs with these ids, in no particular order. */
  findRuns(ids: readonly string[]): Promise<ImportRunRecord[]> {
    return this.runs.findByIds(ids);
  }

  /**
   * How this import asks which of its ids the graph holds. A graph without enterprises holds no
   * links either (a link joins two): nothing to look up, which spares a first import into an
   * empty graph a million index lookups.
   */
  private async idLookup(): Promise<IdLookup> {
    if ((await this.counts()).enterprises === 0) {
      const none = async () => new Set<string>();
      return { enterprises: none, links: none };
    }
    return {
      enterprises: (ids) => existingInBatches(ids, (batch) => this.enterprises.existingIds(batch)),
      links: (ids) => existingInBatches(ids, (batch) => this.links.existingIds(batch)),
    };
  }

  /** Nodes of any label in the database. */
  async nodeCount(): Promise<number> {
    const result = await this.db.read(cypher('import/node-count'));
    return result.records[0].get('nodes') as number;
  }

  /**
   * Moves the graph version after a bulk load, naming what it created, so
   * every service instance reads the graph again. The load itself wrote its
   * run, published (see BulkRun).
   */
  async recordBulkLoad(actor: Actor, runId: string, loaded: BulkLoadedIds): Promise<ImportResult> {
    await writeGraph(this.db, { actor, operation: 'import' }, async (write) => {
      recordCreated(write, loaded.enterpriseIds, loaded.linkIds);
    });
    return {
      runId,
      enterprisesCreated: loaded.enterpriseIds.length,
      enterprisesUpdated: 0,
      linksCreated: loaded.linkIds.length,
      linksUpdated: 0,
    };
  }

  /** How many enterprises and links the graph holds. */
  async counts(): Promise<{ enterprises: number; links: number }> {
    const result = await this.db.read(cypher('import/counts'));
    const record = result.records[0];
    return { enterprises: record.get('enterprises') as number, links: record.get('links') as number };
  }
}

/** Which of the given ids the graph holds, as enterprises and as links. */
interface IdLookup {
  enterprises(ids: string[]): Promise<Set<string>>;
  links(ids: string[]): Promise<Set<string>>;
}

/**
 * Sorts new and changed links into those to stage (a new link with a staged end, out of sight),
 * and those the last transaction writes.
 */
async function planLinks(links: SupplyLinkRow[], staged: Map<string, string>, lookup: IdLookup): Promise<LinkPlan> {
  const existing = await lookup.links(links.map((row) => row.id));
  const newLinks = links.filter((row) => !existing.has(row.id));
  // A new link between two live enterprises would show at once if staged: it waits for the last transaction.
  const hasStagedEnd = (row: SupplyLinkRow) => staged.has(row.from) || staged.has(row.to);
  return {
    staged: newLinks.filter(hasStagedEnd),
    liveNew: newLinks.filter((row) => !hasStagedEnd(row)),
    existing: links.filter((row) => existing.has(row.id)),
  };
}

/** Link rows, sorted by how they are written. */
interface LinkPlan {
  /** New links with a staged end: staged. */
  staged: SupplyLinkRow[];
  /** New links between enterprises already in the graph: written in the last transaction. */
  liveNew: SupplyLinkRow[];
  /** Links in the graph: written in the last transaction where they change something. */
  existing: SupplyLinkRow[];
}

/** The rows that passed, or the refusal listing every problem, those only the graph shows included. */
async function passedAgainstGraph(
  checked: CheckedGraph,
  lookup: IdLookup,
  options?: { enterpriseIdsChecked?: boolean },
): Promise<ValidatedGraph> {
  const problems = [...checked.problems, ...(await graphProblems(checked.graph, lookup, options))];
  if (problems.length > 0) throw importRejected(problems);
  return checked.graph;
}

/**
 * What only the graph shows wrong with checked rows: links to an enterprise neither the import nor
 * the graph holds, and ids another type holds (ids are unique across types: node(id:) finds a
 * thing by its id alone), so an enterprise row may not take the id of a link in the graph, nor a
 * link row the id of an enterprise. `enterpriseIdsChecked` skips the enterprise ids already found free.
 */
async function graphProblems(
  graph: ValidatedGraph,
  lookup: IdLookup,
  { enterpriseIdsChecked = false } = {},
): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  if (graph.externalReferences.size > 0) {
    const existing = await lookup.enterprises([...graph.externalReferences.keys()]);
    for (const [id, rows] of graph.externalReferences) {
      if (existing.has(id)) continue;
      for (const row of rows) {
        problems.push({
          path: row,
          message: `refers to enterprise "${id}", which is neither in the import nor in the graph`,
        });
      }
    }
  }
  const [links, enterprises] = await Promise.all([
    enterpriseIdsChecked ? new Set<string>() : lookup.links([...graph.enterpriseRows.keys()]),
    lookup.enterprises([...graph.linkRows.keys()]),
  ]);
  const taken = (rows: Map<string, number>, label: (index: number) => string, existing: Set<string>, other: string) =>
    [...rows]
      .filter(([id]) => existing.has(id))
      .map(([id, index]) => ({
        path: label(index),
        message: `id "${id}" is the id of ${other} in the graph: ids are unique across types`,
      }));
  return [
    ...problems,
    ...taken(graph.enterpriseRows, graph.labels.enterprise, links, 'a supply link'),
    ...taken(graph.linkRows, graph.labels.link, enterprises, 'an enterprise'),
  ];
}

/** A failure after staging began, told as what it is: the graph is as it was. */
function explainRunFailure(error: unknown): unknown {
  if (error instanceof StagedRowsLostError || error instanceof StagedIdsTakenError || error instanceof RunEndedError) {
    return conflict(`Import failed, nothing was changed: ${error.message}.`);
  }
  if (error instanceof GraphQLError && error.extensions.code === ErrorCode.CONFLICT) {
    // Another write took an id this import stages (a link id, say) while it ran.
    return conflict(`Import failed, nothing was changed: ${error.message}`);
  }
  return error;
}
