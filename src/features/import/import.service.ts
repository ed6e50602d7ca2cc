import type { Actor } from '../../platform/actor';
import { badUserInput, type InputProblem } from '../../platform/graphql/user-errors';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import { writeGraph } from '../../platform/neo4j/write-graph';
import type { EnterpriseRepository } from '../enterprise/enterprise.repository';
import type { SupplyLinkRepository } from '../supply-link/supply-link.repository';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';
import { type ValidatedGraph, validateGraphDocument } from './validate-graph-document';

export interface ImportCounts {
  enterprisesCreated: number;
  enterprisesUpdated: number;
  linksCreated: number;
  linksUpdated: number;
}

export interface ImportOptions {
  labels?: RowLabels;
  /** Rows per UNWIND statement; all batches share one transaction. */
  batchSize?: number;
  /** Called after each batch with rows written so far and in all. */
  onProgress?: (written: number, total: number) => void;
  /** Note written into the history entries of this import. */
  note?: string;
  at?: Date;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Upserts a whole graph document by id, all or nothing: every problem is
 * listed by row and nothing is written unless there are none; the writes
 * share one transaction, so a failure half way leaves the graph as it was.
 * The importGraph mutation, the import command and the demo seed come here.
 */
export class ImportService {
  constructor(
    private readonly db: GraphDatabase,
    private readonly enterprises: EnterpriseRepository,
    private readonly links: SupplyLinkRepository,
  ) {}

  async importGraph(actor: Actor, document: GraphDocument, options: ImportOptions = {}): Promise<ImportCounts> {
    const labels = options.labels ?? JSON_ROW_LABELS;
    const { graph, problems } = validateGraphDocument(document, labels);
    if (graph.externalReferences.size > 0) {
      const existing = await this.enterprises.existingIds([...graph.externalReferences.keys()]);
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
    problems.push(...(await this.idsTakenByOtherTypes(graph)));
    if (problems.length > 0) throw importRejected(problems);

    const batchSize = options.batchSize ?? 5_000;
    const history = { at: (options.at ?? new Date()).toISOString(), note: options.note ?? 'import' };
    const total = graph.enterprises.length + graph.links.length;
    return writeGraph(this.db, { actor, operation: 'import' }, async (write) => {
      // A retried transaction starts over from nothing written.
      const counts: ImportCounts = { enterprisesCreated: 0, enterprisesUpdated: 0, linksCreated: 0, linksUpdated: 0 };
      let written = 0;
      for (const batch of chunks(graph.enterprises, batchSize)) {
        const { created, total: rows } = await this.enterprises.upsertMany(write, batch, history);
        counts.enterprisesCreated += created;
        counts.enterprisesUpdated += rows - created;
        written += batch.length;
        options.onProgress?.(written, total);
      }
      for (const batch of chunks(graph.links, batchSize)) {
        const { created, total: rows } = await this.links.upsertMany(write, batch, history);
        counts.linksCreated += created;
        counts.linksUpdated += rows - created;
        written += batch.length;
        options.onProgress?.(written, total);
      }
      return counts;
    });
  }

  /**
   * Ids are unique across types (node(id:) finds a thing by its id alone):
   * an enterprise row may not take the id of a link in the graph, nor a link
   * row the id of an enterprise.
   */
  private async idsTakenByOtherTypes(graph: ValidatedGraph): Promise<InputProblem[]> {
    const [links, enterprises] = await Promise.all([
      this.links.existingIds([...graph.enterpriseRows.keys()]),
      this.enterprises.existingIds([...graph.linkRows.keys()]),
    ]);
    const taken = (rows: Map<string, string>, existing: Set<string>, other: string) =>
      [...rows]
        .filter(([id]) => existing.has(id))
        .map(([id, path]) => ({
          path,
          message: `id "${id}" is the id of ${other} in the graph: ids are unique across types`,
        }));
    return [
      ...taken(graph.enterpriseRows, links, 'a supply link'),
      ...taken(graph.linkRows, enterprises, 'an enterprise'),
    ];
  }

  /** How many enterprises and links the graph holds. */
  async counts(): Promise<{ enterprises: number; links: number }> {
    const result = await this.db.read(cypher('import/counts'));
    const record = result.records[0];
    return { enterprises: record.get('enterprises') as number, links: record.get('links') as number };
  }
}

/** The error for a rejected import: a summary line, then one line per problem. */
function importRejected(problems: InputProblem[]): ReturnType<typeof badUserInput> {
  const shown = problems.slice(0, 50).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > shown.length ? [`... and ${problems.length - shown.length} more`] : [];
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return badUserInput(
    `Import rejected, nothing was changed. ${problems.length} ${noun}:\n${[...shown, ...more].join('\n')}`,
    problems,
  );
}
