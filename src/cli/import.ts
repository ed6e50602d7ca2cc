import { Presets, SingleBar } from 'cli-progress';
import { readGraphSource } from '../features/import/read-graph-source';
import { EXIT_USAGE, openCommandGraph, runCommand } from './bootstrap';

/**
 * `npm run import -- <file.json | folder>`: the same validation and the same
 * staged, all-or-nothing run as the importGraph mutation, with a progress bar
 * that moves as each batch commits.
 */
async function main(source: string | undefined): Promise<number> {
  if (!source) {
    console.error('usage: npm run import -- <file.json | folder with enterprises.csv and links.csv>');
    return EXIT_USAGE;
  }
  const { document, labels } = readGraphSource(source);
  const graph = await openCommandGraph();
  const bar = new SingleBar(
    { format: 'importing [{bar}] {value}/{total} rows', hideCursor: true },
    Presets.shades_classic,
  );
  const started = Date.now();
  try {
    let barStarted = false;
    const counts = await graph.services.imports.importGraph('cli:import', document, {
      labels,
      note: `import ${source}`,
      batchSize: 10_000,
      onProgress: (written, total) => {
        if (!process.stderr.isTTY) return;
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(written);
      },
    });
    bar.stop();
    console.log(JSON.stringify({ ...counts, seconds: (Date.now() - started) / 1000 }));
    return 0;
  } finally {
    bar.stop();
    await graph.close();
  }
}

runCommand(() => main(process.argv[2]));
