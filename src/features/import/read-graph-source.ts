import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { badUserInput } from '../../platform/graphql/user-errors';
import { type GraphDocument, JSON_ROW_LABELS, type RowLabels } from './graph-document';

/** Columns whose CSV text is a number or a boolean; every other column stays text. */
const NUMERIC = new Set([
  'lat',
  'lon',
  'capacityRecovery',
  'workforceReturned',
  'dailyCapacity',
  'dailyOutputValue',
  'volume',
  'inventoryDays',
]);
const BOOLEAN = new Set(['whitelisted']);

/**
 * CSV cells are text: numbers and booleans are converted where the column
 * says so, and an empty cell means "not given". Text that does not convert
 * is kept, so validation names it.
 */
function typedRow(row: Record<string, string>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [column, text] of Object.entries(row)) {
    if (text === '') continue;
    if (NUMERIC.has(column) && text.trim() !== '' && Number.isFinite(Number(text))) typed[column] = Number(text);
    else if (BOOLEAN.has(column) && /^(true|false)$/i.test(text)) typed[column] = text.toLowerCase() === 'true';
    else typed[column] = text;
  }
  return typed;
}

function readCsv(file: string): Record<string, unknown>[] {
  if (!fs.existsSync(file)) return [];
  const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<
    string,
    string
  >[];
  return rows.map(typedRow);
}

/**
 * Reads the import format from a path: a JSON document, or a folder holding
 * enterprises.csv and links.csv with the same column names. CSV rows are
 * labelled by file and line (the header is line 1).
 */
export function readGraphSource(source: string): { document: GraphDocument; labels: RowLabels } {
  if (!fs.existsSync(source)) throw badUserInput(`${source} does not exist`);
  if (fs.statSync(source).isDirectory()) {
    const enterprisesFile = path.join(source, 'enterprises.csv');
    const linksFile = path.join(source, 'links.csv');
    if (!fs.existsSync(enterprisesFile) && !fs.existsSync(linksFile)) {
      throw badUserInput(`${source} holds neither enterprises.csv nor links.csv`);
    }
    return {
      document: { enterprises: readCsv(enterprisesFile), links: readCsv(linksFile) },
      labels: { enterprise: (i) => `enterprises.csv line ${i + 2}`, link: (i) => `links.csv line ${i + 2}` },
    };
  }
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
  return { document: document as GraphDocument, labels: JSON_ROW_LABELS };
}
