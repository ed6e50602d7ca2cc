import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** src/app/engine-worker.ts, bundled. */
    engineWorkerScript: string;
    /** test/support/test-engine-worker.ts (the service's jobs and a `spin` job of a given length), bundled. */
    testEngineWorkerScript: string;
  }
}

const ROOT = path.resolve(__dirname, '..', '..');
/**
 * Two levels below the checkout, like dist/app/engine-worker.js, so the
 * bundle finds cypher/ (PROJECT_ROOT) and node_modules as the compiled one does.
 */
const OUT_DIR = path.join(ROOT, 'node_modules', '.linkfall-test');

/**
 * Worker threads run JavaScript: the tests run the TypeScript sources, so
 * the engine worker script (src/app/engine-worker.ts and what it imports)
 * is bundled once per run with esbuild, its packages left to node_modules.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('engineWorkerScript', await bundle(path.join(ROOT, 'src', 'app', 'engine-worker.ts')));
  project.provide('testEngineWorkerScript', await bundle(path.join(ROOT, 'test', 'support', 'test-engine-worker.ts')));
}

async function bundle(entry: string): Promise<string> {
  const out = path.join(OUT_DIR, `${path.basename(entry, '.ts')}.js`);
  const temporary = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  fs.renameSync(temporary, out);
  return out;
}
