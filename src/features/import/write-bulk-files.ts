import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { BulkFiles } from '../../platform/neo4j/bulk-load';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { ValidatedGraph } from './validate-graph-document';

/** How the bulk-loaded rows' first history entries are dated, annotated and signed. */
export interface BulkHistory {
  at: string;
  note: string;
  actor: string;
  runId: string;
}

type Row = Record<string, PropertyValue>;

/** Cells as neo4j-admin reads them, noting on the way whether any text holds a line break. */
class CsvCells {
  multiline = false;

  /** Text quoted (quotes doubled), an empty cell for no property. */
  cell(value: PropertyValue | undefined): string {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') return String(value);
    if (!this.multiline && /[\r\n]/.test(value)) this.multiline = true;
    return `"${value.replaceAll('"', '""')}"`;
  }
}

/** The typed header of `columns`: numbers as 64-bit doubles (the importer's float is 32), booleans as such. */
function header(columns: string[], rows: Row[], fixed: Record<string, string>): string {
  return columns
    .map((column) => {
      if (column in fixed) return fixed[column];
      const sample = rows.find((row) => row[column] !== null && row[column] !== undefined)?.[column];
      if (typeof sample === 'number') return `${column}:double`;
      if (typeof sample === 'boolean') return `${column}:boolean`;
      return column;
    })
    .join(',');
}

/** Writes lines to a file, waiting when the stream is full. */
async function writeLines(file: string, first: string, lines: Iterable<string>): Promise<void> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let chunk = `${first}\n`;
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length < 1 << 20) continue;
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  }
  out.end(chunk);
  await once(out, 'finish');
}

function* rowsOf(rows: Row[], columns: string[], cells: CsvCells): Iterable<string> {
  for (const row of rows) yield columns.map((column) => cells.cell(row[column])).join(',');
}

/**
 * Writes a validated graph as neo4j-admin CSV into `dir`: the enterprises, a
 * first history entry for each enterprise and link (as the staged import
 * writes them), and the links, with every property a row sets.
 */
export async function writeBulkFiles(graph: ValidatedGraph, history: BulkHistory, dir: string): Promise<BulkFiles> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    enterprises: path.join(dir, 'enterprises.csv'),
    history: path.join(dir, 'history.csv'),
    links: path.join(dir, 'links.csv'),
  };
  const cells = new CsvCells();

  const enterpriseColumns = [...new Set(graph.enterprises.flatMap((row) => Object.keys(row)))];
  await writeLines(
    files.enterprises,
    header(enterpriseColumns, graph.enterprises, { id: 'id:ID(Enterprise)' }),
    rowsOf(graph.enterprises, enterpriseColumns, cells),
  );

  const linkRows: Row[] = graph.links.map((link) => ({ ...link.props, id: link.id, from: link.from, to: link.to }));
  const linkColumns = [...new Set(linkRows.flatMap((row) => Object.keys(row)))];
  await writeLines(
    files.links,
    header(linkColumns, linkRows, { from: ':START_ID(Enterprise)', to: ':END_ID(Enterprise)' }),
    rowsOf(linkRows, linkColumns, cells),
  );

  const entry = (subjectId: string, subjectType: string, row: Row): string =>
    [
      cells.cell(subjectId),
      cells.cell(subjectType),
      '1',
      history.at,
      cells.cell(row.status),
      cells.cell(subjectType === 'ENTERPRISE' ? row.capacityRecovery : null),
      cells.cell(subjectType === 'ENTERPRISE' ? row.workforceReturned : null),
      cells.cell(history.note),
      cells.cell(history.actor),
      cells.cell(history.runId),
    ].join(',');
  await writeLines(
    files.history,
    'subjectId,subjectType,seq:long,at:datetime,status,capacityRecovery:double,workforceReturned:double,note,actor,importId',
    (function* () {
      for (const row of graph.enterprises) yield entry(row.id as string, 'ENTERPRISE', row);
      for (const row of linkRows) yield entry(row.id as string, 'LINK', row);
    })(),
  );
  return {
    nodes: [
      { label: 'Enterprise', file: files.enterprises },
      { label: 'StatusChange', file: files.history },
    ],
    relationships: [{ type: 'SUPPLIES', file: files.links }],
    multilineFields: cells.multiline,
  };
}
