import path from 'node:path';

/** Where the service finds Neo4j: a server it runs itself, or one given by URI. */
export type Neo4jTarget =
  | { kind: 'managed'; database: string }
  | { kind: 'external'; uri: string; user: string; password: string; database: string };

/** Sizing of the managed Neo4j: the defaults suit a 2-core, 24 GiB machine. */
export interface ManagedNeo4jSizing {
  heap: string;
  pageCache: string;
  port: number | null;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  logLevel: string;
  neo4j: Neo4jTarget;
  managed: ManagedNeo4jSizing;
  maxQueryDepth: number;
  maxQueryCost: number;
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MEMORY_SIZE = /^\d+[kmgKMG]?$/;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the configuration once, at the root. Everything below
 * receives explicit options and never reads the environment itself.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const text = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };
  const memory = (name: string, fallback: string): string => {
    const value = text(name, fallback);
    if (!MEMORY_SIZE.test(value)) problems.push(`${name} must be a size like 512m or 2g, got "${value}"`);
    return value;
  };

  const database = text('NEO4J_DATABASE', 'neo4j');
  const uri = env.NEO4J_URI;
  let neo4j: Neo4jTarget = { kind: 'managed', database };
  if (uri !== undefined && uri !== '') {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/]+/.test(uri)) {
      problems.push(`NEO4J_URI must start with bolt:// or neo4j:// (optionally +s or +ssc), got "${uri}"`);
    }
    neo4j = {
      kind: 'external',
      uri,
      user: text('NEO4J_USER', 'neo4j'),
      password: text('NEO4J_PASSWORD', ''),
      database,
    };
    if (neo4j.password === '') problems.push('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  }

  const logLevel = text('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const config: Config = {
    port: integer('PORT', 4000, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    dataDir: path.resolve(cwd, text('DATA_DIR', '.data')),
    seedDemo: boolean('SEED_DEMO', true),
    logLevel,
    neo4j,
    managed: {
      heap: memory('NEO4J_HEAP', '2g'),
      pageCache: memory('NEO4J_PAGECACHE', '2g'),
      port: env.NEO4J_PORT ? integer('NEO4J_PORT', 7687, 1, 65535) : null,
    },
    maxQueryDepth: integer('MAX_QUERY_DEPTH', 12, 1, 100),
    maxQueryCost: integer('MAX_QUERY_COST', 50_000, 1, 100_000_000),
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
