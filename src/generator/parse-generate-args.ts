import { MAX_GENERATED_ENTERPRISES } from './supply-graph-options';

/** Validated arguments of `npm run generate` (src/cli/generate.ts). */
export interface GenerateArgs {
  enterprises: number;
  seed: number;
  out: string;
  /** `json` when `out` ends with `.json`, else a CSV folder. */
  format: 'json' | 'csv';
}

/** Outcome of parsing: arguments, a request for help, or a message for the user. */
export type ParsedGenerateArgs =
  { kind: 'args'; args: GenerateArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export const GENERATE_USAGE =
  'usage: generate --enterprises N --seed S --out FILE.json|DIR\n' +
  `  --enterprises N  number of enterprises, integer 1..${MAX_GENERATED_ENTERPRISES}\n` +
  '  --seed S         integer seed; the same seed and N give the same graph\n' +
  '  --out PATH       FILE.json for one import document, or a folder for enterprises.csv + links.csv';

const INTEGER = /^-?\d+$/;

/**
 * Parses `--name value` and `--name=value` flags. Returns an error message
 * rather than throwing, so the CLI can print it with the usage and exit 2.
 */
export function parseGenerateArgs(argv: readonly string[]): ParsedGenerateArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const match = /^--(enterprises|seed|out)(?:=(.*))?$/.exec(arg);
    if (!match) return { kind: 'error', message: `unknown argument '${arg}'` };
    const name = match[1];
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { kind: 'error', message: `--${name} needs a value` };
      i++;
    }
    if (values.has(name)) return { kind: 'error', message: `--${name} given twice` };
    values.set(name, value);
  }

  const enterprisesText = values.get('enterprises');
  if (enterprisesText === undefined) return { kind: 'error', message: '--enterprises is required' };
  const enterprises = Number(enterprisesText);
  if (!INTEGER.test(enterprisesText) || enterprises < 1 || enterprises > MAX_GENERATED_ENTERPRISES) {
    return {
      kind: 'error',
      message: `--enterprises must be an integer from 1 to ${MAX_GENERATED_ENTERPRISES}, got '${enterprisesText}'`,
    };
  }
  const seedText = values.get('seed');
  if (seedText === undefined) return { kind: 'error', message: '--seed is required' };
  const seed = Number(seedText);
  if (!INTEGER.test(seedText) || !Number.isSafeInteger(seed)) {
    return { kind: 'error', message: `--seed must be an integer, got '${seedText}'` };
  }
  const out = values.get('out');
  if (out === undefined || out.trim() === '') return { kind: 'error', message: '--out is required' };

  return {
    kind: 'args',
    args: { enterprises, seed, out, format: out.toLowerCase().endsWith('.json') ? 'json' : 'csv' },
  };
}
