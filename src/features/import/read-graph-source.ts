import fs from 'node:fs';
import path from 'node:path';
import { eachCsvRecord } from '../../platform/csv/each-csv-record';
import { badUserInput } from '../../platform/graphql/user-errors';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';
import { BOOLEAN_COLUMNS, NUMBER_COLUMNS } from './typed-columns';

/**
 * CSV cells are text: numbers and booleans are converted where the column
 * says so, and an empty cell means "not given". Text that does not convert
 * is kept, so validation names it.
 */
function typedRow(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (let i = 0; i < cells.length; i++) {
    const column = columns[i];
    const text = cells[i];
    if (text === '') continue;
    if (NUMBER_COLUMNS.has(column) && text.trim() !== '' && Number.isFinite(Number(text))) typed[column] = Number(text);
    else if (BOOLEAN_COLUMNS.has(column) && /^(true|false)$/i.test(text)) typed[column] = text.toLowerCase() === 'true';
    else typed[column] = text;
  }
  return typed;
}

/** A row whose length is not the header's, told as csv-parse tells it when it names the columns. */
function csvError(error: unknown): unknown {
  if ((error as { code?: unknown }).code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const csv = error as Error;
    csv.message = csv.message.replace(
      /^Invalid Record Length: expect (\d+),/,
      'Invalid Record Length: columns length is $1,',
    );
  }
  return error;
}

/** Calls `each` with every row of a CSV file as it is read (none when there is no such file). */
async function eachCsvRow(file: string, each: (row: Record<string, unknown>, index: number) => void): Promise<void> {
  if (!fs.existsSync(file)) return;
  let columns: string[] | null = null;
  let index = 0;
  await eachCsvRecord(file, (cells) => {
    if (columns === null) columns = cells;
    else each(typedRow(columns, cells), index++);
  }).catch((error: unknown) => {
    throw csvError(error);
  });
}

/** The files of a CSV folder, or null when `source` is a JSON file. */
function csvFolder(source: string): { enterprisesFile: string; linksFile: string; labels: RowLabels } | null {
  if (!fs.existsSync(source)) throw badUserInput(`${source} does not exist`);
  if (!fs.statSync(source).isDirectory()) return null;
  const enterprisesFile = path.join(source, 'enterprises.csv');
  const linksFile = path.join(source, 'links.csv');
  if (!fs.existsSync(enterprisesFile) && !fs.existsSync(linksFile)) {
    throw badUserInput(`${source} holds neither enterprises.csv nor links.csv`);
  }
  return {
    enterprisesFile,
    linksFile,
    labels: { enterprise: (i) => `enterprises.csv line ${i + 2}`, link: (i) => `links.csv line ${i + 2}` },
  };
}

function readJson(source: string): GraphDocument {
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(source, 'utf8'));
  } catch (error) {
    throw badUserInput(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw badUserInput(`${source} must hold an object with "enterprises" and "links" arrays`);
  }
  const { enterprises, links } = document as Record<string, unknown>;
  for (const [name, value] of [
    ['enterprises', enterprises],
    ['links', links],
  ] as const) {
    if (value !== undefined && !Array.isArray(value)) throw badUserInput(`${source}: "${name}" must be an array`);
  }
  return document as GraphDocument;
}

/**
 * Reads the import format from a path into one document: a JSON document, or
 * a folder holding enterprises.csv and links.csv with the same column names.
 * CSV rows are labelled by file and line (the header is line 1).
 */
export async function readGraphSource(source: string): Promise<{ document: GraphDocument; labels: RowLabels }> {
  const rows = streamGraphSource(source);
  const enterprises: unknown[] = [];
  const links: unknown[] = [];
  await rows.eachEnterprise((row) => enterprises.push(row));
  await rows.eachLink((row) => links.push(row));
  return { document: { enterprises, links }, labels: rows.labels };
}

/** The rows of an import source, handed over one at a time: enterprises, then links. */
export interface GraphRowSource {
  labels: RowLabels;
  eachEnterprise(each: (row: unknown, index: number) => void): Promise<void>;
  eachLink(each: (row: unknown, index: number) => void): Promise<void>;
}

/**
 * The rows of an import source, without holding a CSV folder's rows in
 * memory: each row is handed over as it is read.
 */
export function streamGraphSource(source: string): GraphRowSource {
  const folder = csvFolder(source);
  if (folder) {
    return {
      labels: folder.labels,
      eachEnterprise: (each) => eachCsvRow(folder.enterprisesFile, each),
      eachLink: (each) => eachCsvRow(folder.linksFile, each),
    };
  }
  const document = readJson(source);
  return {
    labels: JSON_ROW_LABELS,
    eachEnterprise: async (each) => (document.enterprises ?? []).forEach(each),
    eachLink: async (each) => (document.links ?? []).forEach(each),
  };
}
