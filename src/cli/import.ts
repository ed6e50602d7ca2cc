import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { streamGraphSource } from '../features/import/read-graph-source';
import { validateGraphRows } from '../features/import/validate-graph-document';
import { readConfig } from '../platform/config/config';
import { EXIT_USAGE, openCommandGraph, runCommand } from './bootstrap';
import { bulkImport } from './bulk-import';
import { importPhaseClock } from './import-phase-clock';

/**
 * `npm run import -- [--bulk] <file.json | folder>`: the same validation and
 * the same staged, all-or-nothing run as the importGraph mutation, with a
 * progress bar that moves as each batch commits; with --bulk, Neo4j's offline
 * importer loads an empty managed database (bulk-import.ts).
 */
async function main(args: string[]): Promise<number> {
  const bulk = args.includes('--bulk');
  const sources = args.filter((arg) => arg !== '--bulk');
  const source = sources[0];
  if (sources.length !== 1 || source.startsWith('--')) {
    console.error('usage: npm run import -- [--bulk] <file.json | folder with enterprises.csv and links.csv>');
    return EXIT_USAGE;
  }
  const began = Date.now();
  if (bulk) {
    const result = await bulkImport(readConfig(), source);
    console.log(JSON.stringify({ ...result, totalSeconds: (Date.now() - began) / 1000 }));
    return 0;
  }
  // The graph opens (connect, schema) while the enterprise rows stream in and are checked; the links
  // are read and checked while the new enterprises are staged.
  const opening = openCommandGraph();
  // Handled where it is awaited, below; without this a refusal during the check would be unhandled.
  opening.catch(() => undefined);
  const checked = await validateGraphRows(streamGraphSource(source)).catch(async (error: unknown) => {
    await opening.then((graph) => graph.close()).catch(() => undefined);
    throw error;
  });
  const graph = await opening;
  const bar = new SingleBar(
    { format: 'importing [{bar}] {value}/{total} rows', hideCursor: true },
    Presets.shades_classic,
  );
  const started = Date.now();
  const phases = importPhaseClock(began, started);
  try {
    let barStarted = false;
    const counts = await graph.services.imports.importValidated('cli:import', checked, {
      note: `import ${source}`,
      onProgress: (written, total) => {
        if (!process.stderr.isTTY) return;
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        // The total grows once the links are read: the run began with the enterprise rows.
        bar.setTotal(total);
        bar.update(written);
      },
      onPhase: phases.ended,
    });
    bar.stop();
    console.log(JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000, phaseSeconds: phases.seconds }));
    return 0;
  } finally {
    bar.stop();
    await graph.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
