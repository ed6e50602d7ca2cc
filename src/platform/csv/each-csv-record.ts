import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';

/** How the import reads CSV: a UTF-8 byte order mark dropped, blank lines skipped, cells trimmed. */
export const CSV_OPTIONS = { skip_empty_lines: true, bom: true, trim: true } as const;

/**
 * A line csv-parse would read as cells split at commas: no quote, no
 * carriage return, no white space at either end of a cell (csv-parse trims
 * the characters of `\s`).
 */
const NOT_PLAIN = /["\r]|(?:^|,)\s|\s(?:,|$)/;

/** For lines csv-parse reads here: the line break is the file's, a line feed (it would guess from the segment). */
const SEGMENT_OPTIONS = { ...CSV_OPTIONS, record_delimiter: '\n' } as const;

const quotesIn = (text: string) => {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count += 1;
  return count;
};

/** Every record of the file as csv-parse streams it. */
async function eachRecordOfCsvParse(file: string, each: (cells: string[]) => void): Promise<void> {
  for await (const cells of fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parseStream(CSV_OPTIONS))) {
    each(cells as string[]);
  }
}

/** csv-parse's error for the file (read whole by it), for a file this reader found it cannot read. */
async function csvParseError(file: string): Promise<unknown> {
  try {
    for await (const _record of fs.createReadStream(file).pipe(parseStream(CSV_OPTIONS))) {
      // Only the error is wanted.
    }
  } catch (error) {
    return error;
  }
  return new Error(`${file}: CSV read differently by csv-parse alone; please report this file`);
}

/**
 * Calls `each` with every record of a CSV file as an array of cells, the
 * header first, exactly as csv-parse reads it with CSV_OPTIONS, a chunk of
 * the file at a time. Plain lines (most, in a generated or exported file) are
 * split here, several times faster; a line with quotes, carriage returns or
 * white space at a cell's edge, with the lines a quoted cell runs on to, is
 * read by csv-parse (after the header line, so it checks the record length).
 * Whatever csv-parse refuses, or a line with the wrong number of cells,
 * throws csv-parse's own error for the whole file, line number and all.
 * Lines end at line feeds: a file whose first line holds a quote or a
 * carriage return (csv-parse may then take \r\n or \r for the line break),
 * or that has no line feed in its first chunk, is read by csv-parse alone.
 * Chunks of 64 KB (about a thousand rows of a links file) keep the event
 * loop free for other work between them.
 */
export async function eachCsvRecord(
  file: string,
  each: (cells: string[]) => void,
  chunkBytes = 1 << 16,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  // The text of the header record, put before each segment csv-parse reads, and the records it makes.
  let header: string | null = null;
  let headerRecords = 0;
  let cellCount = -1;
  let segment: string | null = null;
  let carried = '';
  let start = true;

  const record = (cells: string[]): boolean => {
    if (cellCount === -1) cellCount = cells.length;
    else if (cells.length !== cellCount) return false;
    each(cells);
    return true;
  };
  // Lines csv-parse reads, after the header line (unless they are the header).
  const readSegment = (text: string): boolean => {
    let records: string[][];
    try {
      records = parse(header === null ? text : `${header}\n${text}`, SEGMENT_OPTIONS) as string[][];
    } catch {
      return false;
    }
    if (header !== null) records.splice(0, headerRecords);
    else if (records.length > 0) [header, headerRecords] = [text, records.length];
    return records.every(record);
  };
  const line = (text: string): boolean => {
    if (segment !== null) {
      segment = `${segment}\n${text}`;
      if (quotesIn(segment) % 2 === 1) return true;
      const done = readSegment(segment);
      segment = null;
      return done;
    }
    if (text === '') return true;
    if (!NOT_PLAIN.test(text)) {
      if (header === null) [header, headerRecords] = [text, 1];
      return record(text.split(','));
    }
    if (quotesIn(text) % 2 === 1) {
      segment = text;
      return true;
    }
    return readSegment(text);
  };

  for await (const chunk of fs.createReadStream(file, { highWaterMark: chunkBytes })) {
    let text = carried + decoder.write(chunk as Buffer);
    if (start) {
      // csv-parse takes the first line break out of quotes for every line's: here it must be a line feed.
      const firstBreak = text.indexOf('\n');
      if (firstBreak === -1 || /["\r]/.test(text.slice(0, firstBreak))) return eachRecordOfCsvParse(file, each);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      start = false;
    }
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      if (!line(text.slice(from, end))) throw await csvParseError(file);
      from = end + 1;
    }
    carried = text.slice(from);
  }
  carried += decoder.end();
  if (carried !== '' && !line(carried)) throw await csvParseError(file);
  if (segment !== null && !readSegment(segment)) throw await csvParseError(file);
}
