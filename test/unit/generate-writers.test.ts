import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvField, csvRow } from '../../src/generator/csv-row';
import { EXIT_USAGE } from '../../src/cli/bootstrap';
import { main } from '../../src/cli/generate';
import { generateSupplyGraph, streamSupplyGraph } from '../../src/generator/generate-supply-graph';
import { GENERATED_ENTERPRISE_COLUMNS } from '../../src/generator/generated-enterprise';
import { GENERATED_LINK_COLUMNS } from '../../src/generator/generated-link';
import { parseGenerateArgs } from '../../src/generator/parse-generate-args';
import { writeSupplyGraphCsv } from '../../src/generator/write-supply-graph-csv';
import { writeSupplyGraphJson } from '../../src/generator/write-supply-graph-json';

/** Minimal RFC 4180 reader for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  return rows;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linkfall-generate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('csvField', () => {
  it('quotes per RFC 4180 only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(false)).toBe('false');
    expect(csvField(undefined)).toBe('');
    expect(parseCsv(csvRow(['a,b', 'say "hi"', 'x\ny', 3]))).toEqual([['a,b', 'say "hi"', 'x\ny', '3']]);
  });
});

describe('writers', () => {
  const options = { enterprises: 800, seed: 9 };
  const graph = generateSupplyGraph(options);

  it('writes the JSON import document, parseable and equal to the generated graph', async () => {
    const file = join(dir, 'graph.json');
    const counts = await writeSupplyGraphJson(streamSupplyGraph(options), file);
    expect(counts).toEqual({ enterprises: graph.enterprises.length, links: graph.links.length });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(graph);
  });

  it('writes an empty graph as a valid document', async () => {
    const file = join(dir, 'empty.json');
    await writeSupplyGraphJson({ enterprises: () => [], links: () => [] }, file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ enterprises: [], links: [] });
  });

  it('writes enterprises.csv and links.csv with the JSON field names as header', async () => {
    const folder = join(dir, 'csv', 'nested');
    const counts = await writeSupplyGraphCsv(streamSupplyGraph(options), folder);
    expect(counts).toEqual({ enterprises: graph.enterprises.length, links: graph.links.length });
    const enterprises = parseCsv(await readFile(join(folder, 'enterprises.csv'), 'utf8'));
    const links = parseCsv(await readFile(join(folder, 'links.csv'), 'utf8'));
    expect(enterprises[0]).toEqual(GENERATED_ENTERPRISE_COLUMNS);
    expect(links[0]).toEqual(GENERATED_LINK_COLUMNS);
    expect(enterprises).toHaveLength(graph.enterprises.length + 1);
    expect(links).toHaveLength(graph.links.length + 1);
    const e = graph.enterprises[17];
    expect(enterprises[18]).toEqual(GENERATED_ENTERPRISE_COLUMNS.map((c) => String(e[c])));
    const l = graph.links[33];
    expect(links[34]).toEqual(GENERATED_LINK_COLUMNS.map((c) => String(l[c])));
  });

  it('rejects when the target cannot be written', async () => {
    await expect(writeSupplyGraphJson(streamSupplyGraph(options), join(dir, 'missing', 'x.json'))).rejects.toThrow();
  });
});

describe('parseGenerateArgs', () => {
  it('parses both flag styles and picks the format from the --out name', () => {
    expect(parseGenerateArgs(['--enterprises', '1000', '--seed', '7', '--out', 'g.json'])).toEqual({
      kind: 'args',
      args: { enterprises: 1000, seed: 7, out: 'g.json', format: 'json' },
    });
    expect(parseGenerateArgs(['--enterprises=5', '--seed=-3', '--out=/tmp/graph'])).toEqual({
      kind: 'args',
      args: { enterprises: 5, seed: -3, out: '/tmp/graph', format: 'csv' },
    });
    expect(parseGenerateArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], '--enterprises is required'],
    [['--enterprises', '0', '--seed', '1', '--out', 'x'], '--enterprises must be'],
    [['--enterprises', '1e3', '--seed', '1', '--out', 'x'], '--enterprises must be'],
    [['--enterprises', 'ten', '--seed', '1', '--out', 'x'], '--enterprises must be'],
    [['--enterprises', '10', '--out', 'x'], '--seed is required'],
    [['--enterprises', '10', '--seed', '1.5', '--out', 'x'], '--seed must be an integer'],
    [['--enterprises', '10', '--seed', '1'], '--out is required'],
    [['--enterprises', '10', '--seed', '--out', 'x'], '--seed needs a value'],
    [['--enterprises', '10', '--seed', '1', '--out', 'x', '--fast'], "unknown argument '--fast'"],
    [['--enterprises', '10', '--enterprises', '11', '--seed', '1', '--out', 'x'], 'given twice'],
  ])('rejects %j', (argv, message) => {
    const parsed = parseGenerateArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toContain(message);
  });
});

describe('the generate command (src/cli/generate.ts)', () => {
  it('exits 2 with a message for bad arguments', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--enterprises', 'x', '--seed', '1', '--out', join(dir, 'bad')])).toBe(EXIT_USAGE);
      expect(String(stderr.mock.calls[0][0])).toMatch(/^generate: --enterprises must be/);
      const file = join(dir, 'a-file');
      await writeFile(file, '');
      expect(await main(['--enterprises', '3', '--seed', '1', '--out', file])).toBe(EXIT_USAGE);
    } finally {
      stderr.mockRestore();
    }
  });

  it('writes the file and prints a one-line summary', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const file = join(dir, 'cli.json');
      expect(await main(['--enterprises', '50', '--seed', '3', '--out', file])).toBe(0);
      const summary = String(stdout.mock.calls[0][0]);
      expect(summary).toMatch(/^generated 50 enterprises, \d+ links \(seed 3\) -> .*cli\.json \(json\) in [\d.]+ s\n$/);
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(generateSupplyGraph({ enterprises: 50, seed: 3 }));
    } finally {
      stdout.mockRestore();
    }
  });
});
