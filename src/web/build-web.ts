import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/project-root';
import { WEB_BUILD_STAMP as STAMP_FILE, WEB_OUTPUT_DIR, WEB_SOURCE_DIR } from './web-assets';

// Builds the browser side (chain explorer and GraphQL IDE) with esbuild into
// dist/web/public, at build time only: `npm run build`, and the browser tests.

/** Bump when the build settings below change, so older output counts as stale. */
const BUILD_VERSION = 1;

/** The HTML pages, copied as they are. */
const PAGES = ['index.html', 'ide.html'];

let building: Promise<string> | null = null;

/**
 * The directory of the built browser assets, building them first when they
 * are missing or older than any file under src/web/app. Concurrent calls in
 * one process share one build.
 */
export function ensureWebBuild(): Promise<string> {
  building ??= (async () => {
    try {
      if (isStale(WEB_OUTPUT_DIR, WEB_SOURCE_DIR)) await buildWeb(WEB_OUTPUT_DIR);
      return WEB_OUTPUT_DIR;
    } finally {
      building = null;
    }
  })();
  return building;
}

/**
 * True when the output is missing, from another build version, or older than
 * a source file under sourceDir (or than package-lock.json).
 */
export function isStale(outputDir: string, sourceDir: string): boolean {
  const stampPath = path.join(outputDir, STAMP_FILE);
  let builtAt: number;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampPath, 'utf8')) as { version?: number };
    if (stamp.version !== BUILD_VERSION) return true;
    builtAt = fs.statSync(stampPath).mtimeMs;
  } catch {
    return true;
  }
  // Without sources (a deployment of dist/ only) the output is all there is.
  if (!fs.existsSync(sourceDir)) return false;
  if (newestMtime(sourceDir) > builtAt) return true;
  // Upgraded packages (GraphiQL, Cytoscape.js, React) change the bundles too.
  const lockFile = path.join(PROJECT_ROOT, 'package-lock.json');
  return fs.existsSync(lockFile) && fs.statSync(lockFile).mtimeMs > builtAt;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * Bundles the explorer and the IDE (GraphiQL with React, CodeMirror 5 and its
 * fonts inlined) into outputDir. Everything the pages load comes from the
 * service: no CDN, no external fonts. Builds into a temporary sibling and
 * swaps it in, so a server never serves a half-written directory.
 */
export async function buildWeb(outputDir = WEB_OUTPUT_DIR): Promise<void> {
  // Loaded here, not at the top: esbuild is a build-time dependency.
  const esbuild = await import('esbuild');
  const staging = `${outputDir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    await esbuild.build({
      absWorkingDir: PROJECT_ROOT,
      entryPoints: {
        explorer: path.join(WEB_SOURCE_DIR, 'explorer', 'main.ts'),
        ide: path.join(WEB_SOURCE_DIR, 'ide', 'main.tsx'),
      },
      outdir: path.join(staging, 'assets'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      jsx: 'automatic',
      minify: true,
      sourcemap: 'linked',
      legalComments: 'linked',
      tsconfig: path.join(WEB_SOURCE_DIR, 'tsconfig.json'),
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      // GraphiQL's CSS carries its fonts and icons as data: URLs already; anything else is inlined too.
      loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
      logLevel: 'warning',
    });
    for (const page of PAGES) fs.copyFileSync(path.join(WEB_SOURCE_DIR, page), path.join(staging, page));
    fs.writeFileSync(
      path.join(staging, STAMP_FILE),
      `${JSON.stringify({ version: BUILD_VERSION, builtAt: new Date().toISOString() })}\n`,
    );
    fs.rmSync(outputDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outputDir), { recursive: true });
    fs.renameSync(staging, outputDir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another process may have swapped its build in at the same moment; theirs is as good.
    if (isErrno(error, 'ENOTEMPTY') || isErrno(error, 'EEXIST')) {
      if (!isStale(outputDir, WEB_SOURCE_DIR)) return;
    }
    throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}
