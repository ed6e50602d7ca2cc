import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { csvRow, type CsvValue } from './csv-row';
import { GENERATED_ENTERPRISE_COLUMNS } from './generated-enterprise';
import { GENERATED_LINK_COLUMNS } from './generated-link';
import type { SupplyGraphCounts, SupplyGraphSource } from './supply-graph-source';
import { endStream, writeLines } from './write-lines';

/**
 * Writes a graph as the CSV import folder of README §7: `enterprises.csv`
 * and `links.csv` with a header row of the JSON field names. Streamed with
 * backpressure; the folder is created when missing.
 */
export async function writeSupplyGraphCsv(source: SupplyGraphSource, dir: string): Promise<SupplyGraphCounts> {
  await mkdir(dir, { recursive: true });
  const enterprises = await writeCsv(join(dir, 'enterprises.csv'), GENERATED_ENTERPRISE_COLUMNS, source.enterprises());
  const links = await writeCsv(join(dir, 'links.csv'), GENERATED_LINK_COLUMNS, source.links());
  return { enterprises, links };
}

async function writeCsv<T extends { [K in keyof T]: CsvValue }>(
  file: string,
  columns: readonly (keyof T & string)[],
  items: Iterable<T>,
): Promise<number> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let count = 0;
  function* rows(): Generator<string> {
    yield csvRow(columns);
    for (const item of items) {
      count++;
      yield csvRow(columns.map((column) => item[column]));
    }
  }
  await Promise.race([
    (async () => {
      await writeLines(stream, rows());
      await endStream(stream);
    })(),
    failed,
  ]);
  return count;
}
