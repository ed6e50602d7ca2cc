import fs from 'node:fs';
import path from 'node:path';
import type { BulkFiles } from '../../platform/neo4j/bulk-load';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import { ENTERPRISE_FIELDS } from '../enterprise/enterprise.record';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { LINK_PROPERTY_FIELDS } from '../supply-link/supply-link.record';
import { BOOLEAN_COLUMNS, NUMBER_COLUMNS } from './typed-columns';

/**
 * The import run a bulk load writes with its rows: loaded PUBLISHED (the rows are live as soon as
 * Neo4j starts), and named by every row's importId, so each row's first history entry is read from
 * the row and its run, as after a staged import (no history node per row).
 */
export interface BulkRun {
  id: string;
  /** When the rows' first history entries are dated (ISO 8601). */
  at: string;
  note: string;
  actor: string;
}

/** Characters gathered before a write to the file: few, large writes. */
const CHUNK = 1 << 16;

/** A CSV file written in large chunks of text. */
class CsvFile {
  private readonly fd: number;
  private chunk = '';

  constructor(
    readonly file: string,
    header: string,
  ) {
    this.fd = fs.openSync(file, 'w', 0o600);
    this.chunk = `${header}\n`;
  }

  line(text: string): void {
    this.chunk += text;
    if (this.chunk.length >= CHUNK) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    fs.writeSync(this.fd, this.chunk);
    this.chunk = '';
  }
}

/** The typed header of `columns`: numbers as 64-bit doubles (the importer's float is 32), booleans as such. */
function header(columns: readonly string[], fixed: Record<string, string>): string {
  return columns
    .map((column) => {
      if (column in fixed) return fixed[column];
      if (NUMBER_COLUMNS.has(column)) return `${column}:double`;
      if (BOOLEAN_COLUMNS.has(column)) return `${column}:boolean`;
      return column;
    })
    .join(',');
}

/**
 * Writes rows as neo4j-admin CSV into a folder as they come: the
 * enterprises and the links with every property a row sets and the run's id,
 * then, at the end, the run itself with its counts.
 */
export class BulkFileWriter {
  private multiline = false;
  private readonly enterprises: CsvFile;
  private readonly links: CsvFile;
  /** The run's id as a cell, in every row. */
  private readonly importId: string;
  private enterpriseCount = 0;
  private linkCount = 0;

  constructor(
    private readonly dir: string,
    private readonly run: BulkRun,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.enterprises = new CsvFile(
      path.join(dir, 'enterprises.csv'),
      header([...ENTERPRISE_FIELDS, 'importId'], { id: 'id:ID(Enterprise)' }),
    );
    this.links = new CsvFile(
      path.join(dir, 'links.csv'),
      header([...LINK_PROPERTY_FIELDS, 'importId', 'from', 'to'], {
        from: ':START_ID(Enterprise)',
        to: ':END_ID(Enterprise)',
      }),
    );
    this.importId = this.cell(run.id);
  }

  enterprise(row: EnterpriseRow): void {
    let line = this.cell(row.id);
    for (let i = 1; i < ENTERPRISE_FIELDS.length; i++) line += `,${this.cell(row[ENTERPRISE_FIELDS[i]])}`;
    this.enterprises.line(`${line},${this.importId}\n`);
    this.enterpriseCount++;
  }

  link(row: SupplyLinkRow): void {
    let line = '';
    for (const field of LINK_PROPERTY_FIELDS) line += `${this.cell(row.props[field])},`;
    this.links.line(`${line}${this.importId},${this.cell(row.from)},${this.cell(row.to)}\n`);
    this.linkCount++;
  }

  /** Closes the files and writes the run; what to hand to the importer. */
  close(): BulkFiles {
    for (const file of [this.enterprises, this.links]) file.close();
    // As a staged run ends: numbers as floats (what the driver sends a JavaScript number as).
    const runs = new CsvFile(
      path.join(this.dir, 'runs.csv'),
      'id:ID(ImportRun),actor,note,state,total:double,written:double,enterprisesCreated:double,' +
        'enterprisesUpdated:double,linksCreated:double,linksUpdated:double,' +
        'historyAt:datetime,startedAt:datetime,heartbeatAt:datetime,finishedAt:datetime',
    );
    const { id, actor, note, at } = this.run;
    const total = this.enterpriseCount + this.linkCount;
    const now = new Date().toISOString();
    runs.line(
      `${[id, actor, note, 'PUBLISHED'].map((text) => this.cell(text)).join(',')},${total},${total},` +
        `${this.enterpriseCount},0,${this.linkCount},0,${at},${at},${now},${now}\n`,
    );
    runs.close();
    return {
      nodes: [
        { label: 'Enterprise', file: this.enterprises.file },
        { label: 'ImportRun', file: runs.file },
      ],
      relationships: [{ type: 'SUPPLIES', file: this.links.file }],
      multilineFields: this.multiline,
    };
  }

  /** A cell as neo4j-admin reads it: text quoted (quotes doubled), empty for no property; notes line breaks. */
  private cell(value: PropertyValue | undefined): string {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'string') return String(value);
    if (!this.multiline && (value.includes('\n') || value.includes('\r'))) this.multiline = true;
    return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
  }
}
