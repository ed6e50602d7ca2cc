import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePassword, ManagedNeo4jError, startManagedNeo4j } from '../../src/platform/neo4j/managed-neo4j';

describe('managed Neo4j without Java or Maven', () => {
  it('says in one line what to install, or to set NEO4J_URI, or to use docker compose', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkfall-notools-'));
    const saved = process.env.PATH;
    process.env.PATH = path.join(dataDir, 'no-tools-here');
    try {
      const start = startManagedNeo4j({ dataDir, heap: '512m', pageCache: '128m', port: null });
      await expect(start).rejects.toThrow(ManagedNeo4jError);
      await expect(start).rejects.toThrow(
        new RegExp(
          '^Java \\(java\\) was not found\\. The managed Neo4j needs Java 17\\+ and Maven: install them .*, ' +
            'or set NEO4J_URI to an existing Neo4j, or run "docker compose up"\\.$',
        ),
      );
    } finally {
      process.env.PATH = saved;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the generated password', () => {
  it('is 36 hex digits, never starting with "-", which neo4j-admin would read as an option', () => {
    const passwords = Array.from({ length: 1000 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[0-9a-f]{36}$/);
    expect(new Set(passwords).size).toBe(1000);
  });
});
