import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/project-root';

/** Browser sources: bundled by `npm run build`, excluded from the server's tsc build. */
export const WEB_SOURCE_DIR = path.join(PROJECT_ROOT, 'src', 'web', 'app');
/** The built pages, scripts and styles the service serves. */
export const WEB_OUTPUT_DIR = path.join(PROJECT_ROOT, 'dist', 'web', 'public');
/** Written last by the build; its mtime and version say when and how the output was built. */
export const WEB_BUILD_STAMP = 'build-stamp.json';

/**
 * The folder of the built browser pages, or null when `npm run build` has not
 * built them. The service never builds them itself: esbuild, React and
 * GraphiQL are build-time dependencies only.
 */
export function builtWebAssets(outputDir = WEB_OUTPUT_DIR): string | null {
  return fs.existsSync(path.join(outputDir, WEB_BUILD_STAMP)) ? outputDir : null;
}
