import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/platform/config/config';

describe('readConfig', () => {
  it('uses the managed Neo4j and the documented defaults when nothing is set', () => {
    const config = readConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 4000,
      dataDir: path.resolve('/srv/app', '.data'),
      seedDemo: true,
      neo4j: { kind: 'managed', database: 'neo4j' },
      managed: { heap: '2g', pageCache: '2g', port: null },
    });
  });

  it('uses an external Neo4j when NEO4J_URI is set, bolt:// or neo4j:// routing', () => {
    for (const uri of ['bolt://db:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      const config = readConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw', NEO4J_DATABASE: 'supply' });
      expect(config.neo4j).toEqual({ kind: 'external', uri, user: 'neo4j', password: 'pw', database: 'supply' });
    }
  });

  it('names every bad value at once', () => {
    const read = () =>
      readConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', NEO4J_URI: 'http://db', NEO4J_HEAP: 'lots', LOG_LEVEL: 'loud' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/PORT must be a whole number from 0 to 65535, got "eighty"/);
    expect(read).toThrow(/SEED_DEMO must be true or false, got "maybe"/);
    expect(read).toThrow(/NEO4J_URI must start with bolt:\/\/ or neo4j:\/\//);
    expect(read).toThrow(/NEO4J_PASSWORD must be set when NEO4J_URI is set/);
    expect(read).toThrow(/NEO4J_HEAP must be a size like 512m or 2g, got "lots"/);
    expect(read).toThrow(/LOG_LEVEL must be one of/);
  });
});

describe('readConfig: who may call the service', () => {
  it('lets anonymous requests run what-ifs on loopback, and do nothing beyond it', () => {
    expect(readConfig({}).security).toMatchObject({
      anonymousRole: 'analyst',
      jwt: null,
      allowedHosts: expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']),
      corsOrigins: [],
      rateLimitPerMinute: 600,
      introspection: true,
      shutdownGraceMs: 30_000,
    });
    expect(readConfig({ HOST: '0.0.0.0' }).security.anonymousRole).toBeNull();
    expect(readConfig({ HOST: '0.0.0.0', ANONYMOUS_ROLE: 'viewer' }).security.anonymousRole).toBe('viewer');
    expect(readConfig({ ANONYMOUS_ROLE: 'none' }).security.anonymousRole).toBeNull();
  });

  it('refuses to start beyond loopback with an anonymous role that writes', () => {
    for (const role of ['analyst', 'editor', 'admin']) {
      expect(() => readConfig({ HOST: '0.0.0.0', ANONYMOUS_ROLE: role })).toThrow(
        new RegExp(`ANONYMOUS_ROLE=${role} would let anyone who reaches HOST=0.0.0.0 write`),
      );
    }
    expect(() => readConfig({ ANONYMOUS_ROLE: 'root' })).toThrow(/ANONYMOUS_ROLE must be one of none, viewer/);
  });

  it('accepts the loopback names and ALLOWED_HOSTS, or any Host with *', () => {
    const hosts = readConfig({ HOST: '10.0.0.5', ALLOWED_HOSTS: 'linkfall.example.com, Other.Example' }).security
      .allowedHosts;
    expect(hosts).toEqual(expect.arrayContaining(['localhost', '10.0.0.5', 'linkfall.example.com', 'other.example']));
    expect(readConfig({ ALLOWED_HOSTS: '*' }).security.allowedHosts).toBeNull();
    expect(() => readConfig({ CORS_ORIGINS: 'https://ok.example, ftp://no/path' })).toThrow(/CORS_ORIGINS must list/);
  });

  it('turns introspection off by default in production', () => {
    expect(readConfig({ NODE_ENV: 'production' }).security.introspection).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).security.introspection).toBe(true);
  });

  it('configures JWT from one key source, with algorithms that fit it', () => {
    const secret = 'x'.repeat(32);
    expect(
      readConfig({ JWT_SECRET: secret, JWT_ISSUER: 'https://idp', JWT_AUDIENCE: 'linkfall' }).security.jwt,
    ).toEqual({
      secret,
      publicKeyFile: null,
      jwksFile: null,
      algorithms: ['HS256'],
      issuer: 'https://idp',
      audience: 'linkfall',
      roleClaim: 'role',
    });
    expect(readConfig({ JWT_PUBLIC_KEY_FILE: '/k.pem' }).security.jwt?.algorithms).toEqual(['RS256']);
    expect(() => readConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => readConfig({ JWT_SECRET: secret, JWT_JWKS_FILE: '/j.json' })).toThrow(/Set only one of/);
    expect(() => readConfig({ JWT_PUBLIC_KEY_FILE: '/k.pem', JWT_ALGORITHMS: 'HS256' })).toThrow(
      /HS256 does not go with a public key/,
    );
  });

  it('sets the managed Neo4j transaction timeout', () => {
    expect(readConfig({}).managed.transactionTimeout).toBe('10m');
    expect(() => readConfig({ NEO4J_TRANSACTION_TIMEOUT: 'forever' })).toThrow(/NEO4J_TRANSACTION_TIMEOUT must be/);
  });
});
