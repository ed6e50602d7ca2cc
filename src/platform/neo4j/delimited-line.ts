import type { PropertyValue } from './property-row';

/** Between the fields of a row: ASCII's unit separator, which no ordinary text holds. */
export const FIELD_SEPARATOR = '\u001f';

/** Between rows: ASCII's record separator. */
export const ROW_SEPARATOR = '\u001e';

/**
 * A row of property values as one line of delimited text, for a statement that splits it back
 * (`split($text, '\u001E')`, then each line on '\u001F') and converts each field: `toFloat` for a
 * number, `= 'true'` for a boolean, an empty field for null.
 *
 * Why: the driver encodes each value of a list on its own, in JavaScript; a batch sent as one
 * string is encoded natively. For 400k links that is 1-3 s less of the import command's CPU, and
 * Neo4j's is unchanged (bench/RESULTS.md, "enterprises as lists, links as delimited text").
 *
 * Null when the row cannot be told back exactly: a string that is empty (an empty field is null)
 * or holds a separator, or a number without a finite value. Such a row goes as a list instead.
 */
export function delimitedLine(values: readonly PropertyValue[]): string | null {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) line += FIELD_SEPARATOR;
    if (value === null) continue;
    if (typeof value === 'string') {
      if (value === '' || value.includes(FIELD_SEPARATOR) || value.includes(ROW_SEPARATOR)) return null;
      line += value;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null;
      line += Object.is(value, -0) ? '-0' : String(value);
    } else {
      line += value ? 'true' : 'false';
    }
  }
  return line;
}
