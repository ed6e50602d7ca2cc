import fs from 'node:fs';
import path from 'node:path';
import type { BulkFiles } from '../../platform/neo4j/bulk-load';
import type { PropertyValue } from '../../platform/neo4j/property-row';
import type { EnterpriseRow } from '../enterprise/enterprise.repository';
import { ENTERPRISE_FIELDS } from '../enterprise/enterprise.record';
import type { SupplyLinkRow } from '../supply-link/supply-link.repository';
import { LINK_PROPERTY_FIELDS } from '../supply-link/supply-link.record';
import { BOOLEAN_COLUMNS, NUMBER_COLUMNS } from './typed-columns';

/** How the bulk-loaded rows' first history entries are dated, annotated and signed. */
export interface BulkHistory {
  at: string;
  note: string;
  actor: string;
  runId: string;
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
 * enterprises, a first history entry for each enterprise and link (as the
 * staged import writes them), and the links, with every property a row sets.
 */
export class BulkFileWriter {
  private multiline = false;
  private readonly enterprises: CsvFile;
  private readonly history: CsvFile;
  private readonly links: CsvFile;
  /** The columns of a history entry after subject id and type, the same for every entry but status. */
  private readonly entrySignature: string;
  private readonly entryStart: string;

  constructor(dir: string, history: BulkHistory) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.enterprises = new CsvFile(
      path.join(dir, 'enterprises.csv'),
      header(ENTERPRISE_FIELDS, { id: 'id:ID(Enterprise)' }),
    );
    this.links = new CsvFile(
      path.join(dir, 'links.csv'),
      header([...LINK_PROPERTY_FIELDS, 'from', 'to'], { from: ':START_ID(Enterprise)', to: ':END_ID(Enterprise)' }),
    );
    this.history = new CsvFile(
      path.join(dir, 'history.csv'),
      'subjectId,subjectType,seq:long,at:datetime,status,capacityRecovery:double,workforceReturned:double,note,actor,importId',
    );
    this.entryStart = `,1,${history.at},`;
    this.entrySignature = `,${this.cell(history.note)},${this.cell(history.actor)},${this.cell(history.runId)}\n`;
  }

  enterprise(row: EnterpriseRow): void {
    let line = this.cell(row.id);
    for (let i = 1; i < ENTERPRISE_FIELDS.length; i++) line += `,${this.cell(row[ENTERPRISE_FIELDS[i]])}`;
    this.enterprises.line(`${line}\n`);
    this.history.line(
      `${this.cell(row.id)},"ENTERPRISE"${this.entryStart}${this.cell(row.status)},` +
        `${this.cell(row.capacityRecovery)},${this.cell(row.workforceReturned)}${this.entrySignature}`,
    );
  }

  link(row: SupplyLinkRow): void {
    let line = '';
    for (const field of LINK_PROPERTY_FIELDS) line += `${this.cell(row.props[field])},`;
    this.links.line(`${line}${this.cell(row.from)},${this.cell(row.to)}\n`);
    this.history.line(
      `${this.cell(row.id)},"LINK"${this.entryStart}${this.cell(row.props.status)},,${this.entrySignature}`,
    );
  }

  /** Closes the files; what to hand to the importer. */
  close(): BulkFiles {
    for (const file of [this.enterprises, this.links, this.history]) file.close();
    return {
      nodes: [
        { label: 'Enterprise', file: this.enterprises.file },
        { label: 'StatusChange', file: this.history.file },
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
