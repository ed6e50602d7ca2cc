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
