import { stat } from 'node:fs/promises';
import { GENERATE_USAGE, parseGenerateArgs } from '../generator/parse-generate-args';
import { streamSupplyGraph } from '../generator/generate-supply-graph';
import { writeSupplyGraphCsv } from '../generator/write-supply-graph-csv';
import { writeSupplyGraphJson } from '../generator/write-supply-graph-json';
import { EXIT_USAGE, runCommand } from './bootstrap';

/**
 * `generate --enterprises N --seed S --out FILE.json|DIR`: writes a synthetic
 * supply graph for load tests and demos, then prints a one-line summary.
 * Returns the process exit code: 0 done, 1 write failure, 2 bad arguments.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const parsed = parseGenerateArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`generate: ${parsed.message}\n${GENERATE_USAGE}\n`);
    return EXIT_USAGE;
  }
  const { enterprises, seed, out, format } = parsed.args;
  if (format === 'csv') {
    const existing = await stat(out).catch(() => undefined);
    if (existing !== undefined && !existing.isDirectory()) {
      process.stderr.write(`generate: --out '${out}' exists and is not a folder (use a .json name for a JSON file)\n`);
      return EXIT_USAGE;
    }
  }

  const started = process.hrtime.bigint();
  try {
    const graph = streamSupplyGraph({ enterprises, seed });
    const counts = format === 'json' ? await writeSupplyGraphJson(graph, out) : await writeSupplyGraphCsv(graph, out);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `generated ${counts.enterprises} enterprises, ${counts.links} links (seed ${seed}) -> ${out}` +
        ` (${format}) in ${seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(
      `generate: failed to write '${out}': ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

// The tests call main() themselves.
if (require.main === module) runCommand(() => main());
