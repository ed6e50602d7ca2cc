import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layout as rules: which folders of src/ may import which, and no cycle
 * between folders. Read from the import statements (type-only ones count:
 * they tie the folders together just the same).
 */
const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(SRC, from)} imports ${specifier}, which does not exist`);
}

/** Folder of a file, relative to src/: `features/enterprise`, `platform/neo4j`, ... */
const folderOf = (file: string) => path.relative(SRC, path.dirname(file)).split(path.sep).join('/');

const imports = sourceFiles(SRC).flatMap((file) =>
  ts
    .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
    .importedFiles.map((imported) => resolveImport(file, imported.fileName))
    .filter((target): target is string => target !== null)
    .map((target) => ({ file: path.relative(SRC, file), from: folderOf(file), to: folderOf(target) })),
);

const within = (folder: string, top: string) => folder === top || folder.startsWith(`${top}/`);

/** What each part of src/ may import besides itself. */
const ALLOWED: [string, string[]][] = [
  ['engine', []],
  ['platform', []],
  ['generator', ['engine']],
  ['web/app', ['engine']],
  ['web', ['platform']],
  ['features', ['engine', 'platform']],
  ['app', ['engine', 'platform', 'features', 'web']],
  ['cli', ['engine', 'platform', 'features', 'app', 'generator', 'web']],
];

describe('the layout of src/', () => {
  it('keeps each part to the parts below it: the engine and the platform import no feature', () => {
    const broken = imports.filter(({ from, to }) => {
      const rule = ALLOWED.find(([top]) => within(from, top));
      if (!rule) return true;
      const [top, allowed] = rule;
      return !within(to, top) && !allowed.some((other) => within(to, other));
    });
    expect(broken.map(({ file, to }) => `${file} -> ${to}`)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    // A folder's index.ts re-exporting its own subfolders is its public face, not a dependency.
    const isBarrel = (file: string, from: string, to: string) => path.basename(file) === 'index.ts' && within(to, from);
    const edges = new Map<string, Set<string>>();
    for (const { file, from, to } of imports) {
      if (from !== to && !isBarrel(file, from, to)) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, trail: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(folder)), folder].join(' -> '));
        return;
      }
      state.set(folder, 'open');
      for (const next of edges.get(folder) ?? []) visit(next, [...trail, folder]);
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
