/** A CSV cell value: strings are quoted as needed, numbers and booleans written plainly. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One field per RFC 4180: quoted when it contains a comma, a double quote,
 * CR or LF (or leading/trailing spaces, which some readers trim), with inner
 * quotes doubled. `null`/`undefined` become an empty field.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV record terminated by LF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
