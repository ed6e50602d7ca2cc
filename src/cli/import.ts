import { SingleBar, Presets } from 'cli-progress';
import { GraphQLError } from 'graphql';
import { connectFromEnvironment } from './bootstrap';
import { readGraphSource } from '../features/import/read-graph-source';

/**
 * `npm run import -- <file.json | folder>`: the same validation and the same
 * single transaction as the importGraph mutation, with a progress bar.
 */
async function main(source: string | undefined): Promise<number> {
  if (!source) {
    console.error('usage: npm run import -- <file.json | folder with enterprises.csv and links.csv>');
    return 2;
  }
  const { document, labels } = readGraphSource(source);
  const { services, close } = await connectFromEnvironment();
  const bar = new SingleBar({ format: 'importing [{bar}] {value}/{total} rows', hideCursor: true }, Presets.shades_classic);
  const started = Date.now();
  try {
    let barStarted = false;
    const counts = await services.imports.importGraph(document, {
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
    await close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof GraphQLError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
