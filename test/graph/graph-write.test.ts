import { describe, expect, it } from 'vitest';
import { MAX_LISTED_CHANGES } from '../../src/platform/neo4j/graph-change';
import { writeGraph } from '../../src/platform/neo4j/write-graph';
import { keqiaoFixture } from '../support/keqiao-fixture';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

const p = uniquePrefix('graph-write');
const fixture = keqiaoFixture(p);
const t = useGraphTest(p, { document: fixture });

/** The change recorded under a version (other test files write meanwhile: look it up by version). */
async function changeAt(version: number) {
  const [change] = (await t.services.changes.since(version - 1)).filter((c) => c.version === version);
  return change;
}

describe('writeGraph, the one write boundary', () => {
  it('bumps the version and records who changed what, at server time, in the same transaction', async () => {
    const before = Date.now();
    const updated = await t.services.links.setStatus('cli:test', {
      id: `${p}-l-yarn`,
      status: 'BLOCKED' as never,
      reason: 'checkpoint',
    });
    expect(updated.status).toBe('BLOCKED');
    const version = await t.services.changes.version();
    const changes = await t.services.changes.since(0);
    const mine = changes.filter((c) => c.items.some((i) => i.id === `${p}-l-yarn`));
    const change = mine[mine.length - 1];
    expect(change).toMatchObject({
      actor: 'cli:test',
      operation: 'setLinkStatus',
      listed: true,
      items: [{ subject: 'LINK', id: `${p}-l-yarn`, op: 'STATUS', status: 'BLOCKED' }],
      counts: { ENTERPRISE: 0, LINK: 1, SCENARIO: 0, TOKEN: 0 },
    });
    expect(change.version).toBeLessThanOrEqual(version);
    expect(Date.parse(change.at)).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('records the GraphQL actor on the change and on the status history entry', async () => {
    const set = `mutation($id: ID!) { setEnterpriseStatus(id: $id, status: STALLED, note: "actor test") { id } }`;
    dataOf(await t.server.gql(set, { id: `${p}-chem` }));
    const history = await t.db.read(
      "MATCH (c:StatusChange {subjectId: $id, note: 'actor test'}) RETURN c.actor AS actor",
      { id: `${p}-chem` },
    );
    expect(history.records.map((r) => r.get('actor'))).toEqual(['anonymous']);
    const changes = await t.services.changes.since(0);
    const change = changes.filter((c) => c.items.some((i) => i.id === `${p}-chem`)).pop();
    expect(change).toMatchObject({
      actor: 'anonymous',
      operation: 'setEnterpriseStatus',
      items: [{ subject: 'ENTERPRISE', id: `${p}-chem`, op: 'STATUS', status: 'STALLED', capacityRecovery: 0 }],
    });
  });

  it('leaves neither the write nor a version bump behind when the work fails', async () => {
    const version = await t.services.changes.version();
    await expect(
      writeGraph(t.db, { actor: 'test', operation: 'failing' }, async (write) => {
        await write.tx.run("CREATE (:Enterprise {id: $id, name: 'half', kind: 'OTHER', region: 'x'})", {
          id: `${p}-half`,
        });
        throw new Error('half way');
      }),
    ).rejects.toThrow('half way');
    const found = await t.db.read('MATCH (e:Enterprise {id: $id}) RETURN count(e) AS n', { id: `${p}-half` });
    expect(found.records[0].get('n')).toBe(0);
    const after = await t.services.changes.since(version);
    expect(after.filter((c) => c.operation === 'failing')).toEqual([]);
  });

  it('keeps counts only, no ids, for a write that changes more than it lists', async () => {
    const items = Array.from(
      { length: MAX_LISTED_CHANGES + 1 },
      (_, i) => ({ subject: 'ENTERPRISE', id: `${p}-bulk-${i}`, op: 'UPSERT' }) as const,
    );
    await writeGraph(t.db, { actor: 'test', operation: `bulk ${p}` }, async (write) => write.changed(items));
    const change = (await t.services.changes.since(0)).find((c) => c.operation === `bulk ${p}`);
    expect(change).toMatchObject({
      listed: false,
      items: [],
      counts: { ENTERPRISE: MAX_LISTED_CHANGES + 1, LINK: 0, SCENARIO: 0, TOKEN: 0 },
    });
    expect(await changeAt(change?.version ?? -1)).toEqual(change);
  });

  it('records an import as one change of its rows, and a deleted enterprise with its links', async () => {
    await t.services.imports.importGraph('cli:import', {
      enterprises: [{ ...fixture.enterprises[0], name: 'renamed' }],
    });
    const imported = (await t.services.changes.since(0))
      .filter((c) => c.actor === 'cli:import' && c.items.some((i) => i.id === `${p}-fiber`))
      .pop();
    expect(imported).toMatchObject({
      operation: 'import',
      items: [{ subject: 'ENTERPRISE', id: `${p}-fiber`, op: 'UPSERT' }],
    });

    await t.services.enterprises.delete('test', `${p}-trade2`, true);
    const deleted = (await t.services.changes.since(0))
      .filter((c) => c.operation === 'deleteEnterprise' && c.items.some((i) => i.id === `${p}-trade2`))
      .pop();
    expect(deleted?.items).toEqual([
      { subject: 'ENTERPRISE', id: `${p}-trade2`, op: 'DELETE' },
      { subject: 'LINK', id: `${p}-l-t2`, op: 'DELETE' },
    ]);
  });
});
