import { describe, expect, it } from 'vitest';
import { delimitedLine, FIELD_SEPARATOR as US } from '../../src/platform/neo4j/delimited-line';

describe('a row of property values as a line of delimited text', () => {
  it('joins the fields with the unit separator, a null as an empty field', () => {
    expect(delimitedLine(['g-l-1', null, 'ROAD', 81.5, null])).toBe(`g-l-1${US}${US}ROAD${US}81.5${US}`);
  });

  it('writes numbers so they read back exactly, and booleans as true and false', () => {
    expect(delimitedLine([0.1 + 0.2, 1e21, 2.5e-7, -0, 0, true, false])).toBe(
      ['0.30000000000000004', '1e+21', '2.5e-7', '-0', '0', 'true', 'false'].join(US),
    );
  });

  it('keeps newlines, quotes and commas, which are no separators', () => {
    expect(delimitedLine(['a\nb', 'say "hi", twice'])).toBe(`a\nb${US}say "hi", twice`);
  });

  it('gives no line for a row it cannot carry exactly: an empty string, a separator in a value, a number without a finite value', () => {
    expect(delimitedLine(['id', ''])).toBeNull();
    expect(delimitedLine(['a\u001fb'])).toBeNull();
    expect(delimitedLine(['a\u001eb'])).toBeNull();
    expect(delimitedLine([Number.NaN])).toBeNull();
    expect(delimitedLine([Number.POSITIVE_INFINITY])).toBeNull();
  });
});
