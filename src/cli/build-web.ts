import path from 'node:path';
import { buildWeb, ensureWebBuild } from '../web/build-web';
import { WEB_OUTPUT_DIR } from '../web/web-assets';
import { runCommand } from './bootstrap';

/** `npm run build:web [-- --force]`: bundles the browser pages when their sources changed (always with --force). */
async function main(force: boolean): Promise<number> {
  const started = Date.now();
  const dir = force ? (await buildWeb(), WEB_OUTPUT_DIR) : await ensureWebBuild();
  console.log(`web assets ready in ${path.relative(process.cwd(), dir) || dir} (${Date.now() - started} ms)`);
  return 0;
}

runCommand(() => main(process.argv.includes('--force')));
