import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_OPTIONS, eachCsvRecord } from '../../src/platform/csv/each-csv-record';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-csv-records-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What csv-parse makes of the text: its records, or its error message. */
function csvParseReads(text: string): string[][] | string {
  try {
    return parse(text, CSV_OPTIONS) as string[][];
  } catch (error) {
    return (error as Error).message;
  }
}

async function readerReads(text: string, chunkBytes?: number): Promise<string[][] | string> {
  const file = path.join(dir, 'rows.csv');
  fs.writeFileSync(file, text);
  const records: string[][] = [];
  try {
    await eachCsvRecord(file, (cells) => records.push(cells), chunkBytes);
    return records;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Cells from pieces that matter to CSV: commas, quotes, line breaks, white space at the edges, other scripts. */
const cell = fc
  .array(fc.constantFrom('a', 'b1', ',', '"', '""', ' ', '\t', '\n', '\r\n', '\r', '\u3000', '柯桥', '-', '.'), {
    maxLength: 5,
  })
  .map((pieces) => pieces.join(''));
const quoted = cell.map((text) => `"${text.replaceAll('"', '""')}"`);
const line = fc.array(fc.oneof(cell, quoted, fc.constantFrom('x', '12.5', '')), { minLength: 1, maxLength: 4 });
const file = fc
  .tuple(
    fc.constantFrom('', '\ufeff'),
    fc.array(line, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(
    ([bom, lines, newline, last]) => bom + lines.map((cells) => cells.join(',')).join(newline) + (last ? newline : ''),
  );

describe('eachCsvRecord', () => {
  it('reads every text as csv-parse does: the same records, or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        expect(await readerReads(text)).toEqual(csvParseReads(text));
      }),
      { numRuns: 400, seed: 1123 },
    );
  });

  it('reads a file a few bytes at a time as csv-parse reads it whole (carriage returns after the first chunk)', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 4, max: 16 }), async (text, chunkBytes) => {
        expect(await readerReads(text, chunkBytes)).toEqual(csvParseReads(text));
      }),
      { numRuns: 400, seed: 2311 },
    );
  });

  it('reads plain lines, blank lines and a quoted cell over two lines, with the header first', async () => {
    const text = 'id,name\n\nkq-1,Alice\nkq-2,"Bob\n""the"" dyer"\nkq-3, Carol \n';
    expect(await readerReads(text)).toEqual([
      ['id', 'name'],
      ['kq-1', 'Alice'],
      ['kq-2', 'Bob\n"the" dyer'],
      ['kq-3', 'Carol'],
    ]);
  });

  it('refuses a row with the wrong number of cells with csv-parse’s error, naming the line', async () => {
    expect(await readerReads('id,name\nkq-1,Alice\nkq-2,Bob,extra\n')).toBe(
      'Invalid Record Length: expect 2, got 3 on line 3',
    );
  });
});

describe('reading a CSV file beside other work', () => {
  it('lets the event loop run between chunks, so a database answer waits for one chunk, not the whole file', async () => {
    const file = path.join(dir, 'long.csv');
    const rows = Array.from({ length: 100_000 }, (_, i) => `l-${i},e-${i},e-${i + 1},PTA,ROAD,81.5`);
    fs.writeFileSync(file, ['id,from,to,product,mode,volume', ...rows].join('\n'));
    let read = 0;
    let readWhenAnswered = -1;
    await eachCsvRecord(file, () => {
      read += 1;
      // An answer arriving as reading starts, standing for a socket callback: it runs in the event loop's next turn.
      if (read === 1) {
        setImmediate(() => {
          readWhenAnswered = read;
        });
      }
    });
    expect(read).toBe(100_001);
    // 64 KB chunks of 30-odd-byte lines: the answer waited for the rest of the first chunk only.
    expect(readWhenAnswered).toBeGreaterThan(1);
    expect(readWhenAnswered).toBeLessThan(3_000);
  });
});
