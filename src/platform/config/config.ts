import path from 'node:path';
import type { JwtOptions } from '../auth/jwt-verifier';
import { isRole, ROLES, type Role } from '../auth/role';

/** Where the service finds Neo4j: a server it runs itself, or one given by URI. */
export type Neo4jTarget =
  | { kind: 'managed'; database: string }
  | { kind: 'external'; uri: string; user: string; password: string; database: string };

/** Sizing of the managed Neo4j: the defaults suit a 2-core, 24 GiB machine. */
export interface ManagedNeo4jSizing {
  heap: string;
  pageCache: string;
  port: number | null;
  /** Neo4j's db.transaction.timeout: a transaction running longer is stopped and rolled back. */
  transactionTimeout: string;
}

/** Who may call the service, and what one request may ask. */
export interface SecurityConfig {
  /** The role of requests without credentials; null (ANONYMOUS_ROLE=none): they may do nothing. */
  anonymousRole: Role | null;
  /** Set when JWT_SECRET, JWT_PUBLIC_KEY_FILE or JWT_JWKS_FILE is. */
  jwt: JwtOptions | null;
  /** Host header names accepted (lower case, no port); null accepts any (ALLOWED_HOSTS=*). */
  allowedHosts: string[] | null;
  /** Origins other than the service's own that browsers may call it from. */
  corsOrigins: string[];
  /** Requests per principal per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  introspection: boolean;
  maxAliases: number;
  maxRootFields: number;
  /** How long in-flight requests may run on after SIGTERM before their transactions are rolled back. */
  shutdownGraceMs: number;
}

/** The engine's worker threads. */
export interface EngineConfig {
  /** Engine worker threads running jobs (a graph keeper thread comes on top). */
  workers: number;
  /** Time budget of one request's engine work, from its arrival. */
  timeoutMs: number;
  /**
   * Where the engine keeps its prepared graph for the next start
   * (ENGINE_SNAPSHOT_FILE, default DATA_DIR/engine-snapshot.bin; "none": nowhere).
   * A cache: each instance keeps its own, and takes it only for the same database.
   */
  snapshotFile: string | null;
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
  /** How often each instance reads the graph version while anyone subscribes to live updates (LIVE_POLL_MS). */
  livePollMs: number;
  security: SecurityConfig;
  engine: EngineConfig;
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MEMORY_SIZE = /^\d+[kmgKMG]?$/;
const DURATION = /^\d+(ms|s|m|h)$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** True for an address only this machine reaches: localhost, 127.0.0.0/8 (also IPv4-mapped), ::1. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_HOSTS.includes(name) || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(name);
}

/**
 * Two engine workers: on two cores, one can run a long job (a ranking) while
 * the other keeps answering short ones; each holds its own scratch space
 * (about 200 MB at a million enterprises) over the one shared graph.
 */
export const DEFAULT_ENGINE_WORKERS = 2;

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

  const duration = (name: string, fallback: string): string => {
    const value = text(name, fallback);
    if (!DURATION.test(value)) problems.push(`${name} must be a duration like 30s, 10m or 1h, got "${value}"`);
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

  const security = readSecurity(env, problems, { text, integer, boolean });

  const logLevel = text('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const dataDir = path.resolve(cwd, text('DATA_DIR', '.data'));
  const config: Config = {
    port: integer('PORT', 4000, 0, 65535),
    host: text('HOST', '127.0.0.1'),
    dataDir,
    seedDemo: boolean('SEED_DEMO', true),
    logLevel,
    neo4j,
    managed: {
      heap: memory('NEO4J_HEAP', '2g'),
      pageCache: memory('NEO4J_PAGECACHE', '2g'),
      port: env.NEO4J_PORT ? integer('NEO4J_PORT', 7687, 1, 65535) : null,
      transactionTimeout: duration('NEO4J_TRANSACTION_TIMEOUT', '10m'),
    },
    maxQueryDepth: integer('MAX_QUERY_DEPTH', 12, 1, 100),
    maxQueryCost: integer('MAX_QUERY_COST', 50_000, 1, 100_000_000),
    livePollMs: integer('LIVE_POLL_MS', 250, 50, 60_000),
    security,
    engine: {
      workers: integer('ENGINE_WORKERS', DEFAULT_ENGINE_WORKERS, 1, 64),
      timeoutMs: integer('ENGINE_TIMEOUT_MS', 60_000, 100, 3_600_000),
      snapshotFile: snapshotFile(text('ENGINE_SNAPSHOT_FILE', ''), dataDir),
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

/** ENGINE_SNAPSHOT_FILE: "none" turns the snapshot off; empty is the default in the data directory. */
function snapshotFile(value: string, dataDir: string): string | null {
  if (value === 'none') return null;
  return value === '' ? path.join(dataDir, 'engine-snapshot.bin') : path.resolve(dataDir, value);
}

interface Readers {
  text(name: string, fallback: string): string;
  integer(name: string, fallback: number, min: number, max: number): number;
  boolean(name: string, fallback: boolean): boolean;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * Authentication, host and origin checks and request limits. Beyond loopback,
 * anonymous requests may read at most (ANONYMOUS_ROLE none or viewer): a
 * role that writes (analyst and above) is refused there, so a service
 * reachable from the network never lets an unknown client change anything.
 */
function readSecurity(env: NodeJS.ProcessEnv, problems: string[], read: Readers): SecurityConfig {
  const host = read.text('HOST', '127.0.0.1');
  const loopback = isLoopbackHost(host);
  const roleNames = ['none', ...ROLES].join(', ');
  const anonymous = read.text('ANONYMOUS_ROLE', loopback ? 'analyst' : 'none');
  let anonymousRole: Role | null = null;
  if (isRole(anonymous)) anonymousRole = anonymous;
  else if (anonymous !== 'none') problems.push(`ANONYMOUS_ROLE must be one of ${roleNames}, got "${anonymous}"`);
  if (!loopback && anonymousRole !== null && anonymousRole !== 'viewer') {
    problems.push(
      `ANONYMOUS_ROLE=${anonymousRole} would let anyone who reaches HOST=${host} write; beyond loopback ` +
        'it may be none or viewer, and writers authenticate with an API token (npm run token) or a JWT',
    );
  }

  const allowed = read.text('ALLOWED_HOSTS', '');
  const allowedHosts =
    allowed.trim() === '*'
      ? null
      : [
          ...new Set([
            ...LOOPBACK_HOSTS,
            ...(loopback || host === '0.0.0.0' || host === '::' ? [] : [host]),
            ...list(allowed),
          ]),
        ].map((name) => name.toLowerCase());

  const corsOrigins = list(read.text('CORS_ORIGINS', ''));
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ORIGINS must list origins like https://app.example.com (no path), got "${origin}"`);
  }

  return {
    anonymousRole,
    jwt: readJwt(problems, read),
    allowedHosts,
    corsOrigins,
    rateLimitPerMinute: read.integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    introspection: read.boolean('INTROSPECTION', env.NODE_ENV !== 'production'),
    maxAliases: read.integer('MAX_QUERY_ALIASES', 30, 0, 10_000),
    maxRootFields: read.integer('MAX_ROOT_FIELDS', 20, 1, 10_000),
    shutdownGraceMs: read.integer('SHUTDOWN_GRACE_MS', 30_000, 0, 3_600_000),
  };
}

const JWT_ALGORITHMS = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

function readJwt(problems: string[], read: Readers): JwtOptions | null {
  const secret = read.text('JWT_SECRET', '') || null;
  const publicKeyFile = read.text('JWT_PUBLIC_KEY_FILE', '') || null;
  const jwksFile = read.text('JWT_JWKS_FILE', '') || null;
  const given = [secret, publicKeyFile, jwksFile].filter((value) => value !== null).length;
  if (given === 0) return null;
  if (given > 1) problems.push('Set only one of JWT_SECRET, JWT_PUBLIC_KEY_FILE and JWT_JWKS_FILE');
  if (secret !== null && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const algorithms = list(read.text('JWT_ALGORITHMS', secret ? 'HS256' : 'RS256'));
  for (const algorithm of algorithms) {
    const symmetric = algorithm.startsWith('HS');
    if (!JWT_ALGORITHMS.includes(algorithm)) {
      problems.push(`JWT_ALGORITHMS must list some of ${JWT_ALGORITHMS.join(', ')}, got "${algorithm}"`);
    } else if (symmetric !== (secret !== null)) {
      problems.push(`JWT_ALGORITHMS: ${algorithm} does not go with ${secret ? 'JWT_SECRET' : 'a public key'}`);
    }
  }
  return {
    secret,
    publicKeyFile,
    jwksFile,
    algorithms,
    issuer: read.text('JWT_ISSUER', '') || null,
    audience: read.text('JWT_AUDIENCE', '') || null,
    roleClaim: read.text('JWT_ROLE_CLAIM', 'role'),
  };
}
