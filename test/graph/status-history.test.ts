import { describe, expect, it } from 'vitest';
import { uniquePrefix } from '../support/test-graph';
import { useGraphTest } from '../support/use-graph-test';
import { dataOf } from '../support/test-server';

/**
 * README "Status history": one time series per enterprise or link, ordered by
 * `at` and then commit order; its newest entry is the current status.
 */
const p = uniquePrefix('history');
const id = (name: string) => `${p}-${name}`;
const region = `${p}-History`;
const replayRegion = `${p}-Replay`;
const enterprise = (name: string, extra: object = {}) => ({
  id: id(name),
  name,
  kind: 'WEAVING',
  region,
  dailyCapacity: 100,
  ...extra,
});
const document = {
  enterprises: [
    enterprise('ordered'),
    enterprise('backdated'),
    enterprise('future'),
    enterprise('raced'),
    enterprise('supplier'),
    enterprise('untouched', { status: 'PARTIAL', capacityRecovery: 0.6 }),
    enterprise('renamed'),
    // The replayed region: different capacities, so capacityRecovery is a weighted mean.
    enterprise('r1', { region: replayRegion, dailyCapacity: 100 }),
    enterprise('r2', { region: replayRegion, dailyCapacity: 300 }),
    enterprise('r3', { region: replayRegion, dailyCapacity: null, status: 'PARTIAL', capacityRecovery: 0.4 }),
  ],
  links: [
    { id: id('l-backdated'), from: id('supplier'), to: id('backdated'), product: 'yarn', mode: 'ROAD' },
    { id: id('l-raced'), from: id('supplier'), to: id('raced'), product: 'yarn', mode: 'ROAD' },
    {
      id: id('l-untouched'),
      from: id('supplier'),
      to: id('untouched'),
      product: 'yarn',
      mode: 'ROAD',
      status: 'BLOCKED',
    },
  ],
};
const IMPORTED_AT = '2020-02-01T00:00:00.000Z';
const t = useGraphTest(p, { document, at: new Date(IMPORTED_AT) });

const SET_ENTERPRISE = `mutation($id: ID!, $s: EnterpriseStatus!, $c: Float, $at: DateTime, $n: String) {
  setEnterpriseStatus(id: $id, status: $s, capacityRecovery: $c, at: $at, note: $n) { id status capacityRecovery }
}`;
const SET_LINK = `mutation($id: ID!, $s: LinkStatus!, $at: DateTime, $r: String) {
  setLinkStatus(id: $id, status: $s, at: $at, reason: $r) { id status }
}`;
const ENTERPRISE = `query($id: ID!) {
  enterprise(id: $id) { status capacityRecovery statusHistory { at status capacityRecovery note } }
}`;
const LINK = `query($id: ID!) { supplyLink(id: $id) { status statusHistory { at status reason } } }`;

const setEnterprise = async (variables: Record<string, unknown>) =>
  dataOf(await t.server.gql(SET_ENTERPRISE, variables)).setEnterpriseStatus;
const enterpriseNow = async (name: string) => dataOf(await t.server.gql(ENTERPRISE, { id: id(name) })).enterprise;
const linkNow = async (name: string) => dataOf(await t.server.gql(LINK, { id: id(name) })).supplyLink;

/** The history entries stored as nodes for a subject. */
const stored = async (name: string) =>
  (
    await t.db.read('MATCH (c:StatusChange {subjectId: $id}) RETURN c.seq AS seq, c.status AS status, c.note AS note', {
      id: id(name),
    })
  ).records.map((r) => ({ seq: r.get('seq'), status: r.get('status'), note: r.get('note') }));

describe('status history', () => {
  it('an imported enterprise or link has its first entry, read from it and its import until a write changes it', async () => {
    // The import stored no history node for them; their history is the import's entry all the same.
    expect(await stored('untouched')).toEqual([]);
    expect((await enterpriseNow('untouched')).statusHistory).toEqual([
      { at: IMPORTED_AT, status: 'PARTIAL', capacityRecovery: 0.6, note: 'import' },
    ]);
    expect((await linkNow('l-untouched')).statusHistory).toEqual([
      { at: IMPORTED_AT, status: 'BLOCKED', reason: 'import' },
    ]);

    // The first write that changes one stores the entry as the import gave it, then its own.
    await setEnterprise({ id: id('untouched'), s: 'OPERATING', c: 1, at: '2020-02-10T00:00:00Z', n: 'resumed' });
    expect(await stored('untouched')).toEqual(
      expect.arrayContaining([
        { seq: 1, status: 'PARTIAL', note: 'import' },
        { seq: 2, status: 'OPERATING', note: 'resumed' },
      ]),
    );
    expect((await enterpriseNow('untouched')).statusHistory.map((entry: any) => [entry.status, entry.note])).toEqual([
      ['OPERATING', 'resumed'],
      ['PARTIAL', 'import'],
    ]);

    // So does an upsert that leaves the status as it was (it replaces every property).
    dataOf(
      await t.server.gql(`mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { id } }`, {
        input: { ...enterprise('renamed'), name: 'renamed later' },
      }),
    );
    expect(await stored('renamed')).toEqual([{ seq: 1, status: 'OPERATING', note: 'import' }]);
    expect((await enterpriseNow('renamed')).statusHistory).toEqual([
      { at: IMPORTED_AT, status: 'OPERATING', capacityRecovery: 1, note: 'import' },
    ]);
  });

  it('lists entries by at, then by commit order, newest first; the newest entry is the current status', async () => {
    await setEnterprise({ id: id('ordered'), s: 'STALLED', at: '2020-03-01T00:00:00Z', n: 'first at 1 March' });
    await setEnterprise({
      id: id('ordered'),
      s: 'PARTIAL',
      c: 0.5,
      at: '2020-03-01T00:00:00Z',
      n: 'second at 1 March',
    });
    await setEnterprise({
      id: id('ordered'),
      s: 'CLOSED',
      at: '2020-02-15T00:00:00Z',
      n: 'written last, dated earlier',
    });
    const ordered = await enterpriseNow('ordered');
    expect(ordered.statusHistory.map((entry: any) => [entry.at.slice(0, 10), entry.status, entry.note])).toEqual([
      ['2020-03-01', 'PARTIAL', 'second at 1 March'],
      ['2020-03-01', 'STALLED', 'first at 1 March'],
      ['2020-02-15', 'CLOSED', 'written last, dated earlier'],
      ['2020-02-01', 'OPERATING', 'import'],
    ]);
    expect(ordered).toMatchObject({ status: 'PARTIAL', capacityRecovery: 0.5 });
  });

  it('a backdated setEnterpriseStatus lists below a later one and does not become the current status', async () => {
    await setEnterprise({ id: id('backdated'), s: 'STALLED', n: 'today' });
    const answer = await setEnterprise({ id: id('backdated'), s: 'OPERATING', at: '2020-03-10T08:00:00Z', n: 'late' });
    // The mutation answers with the current status, which stays today's.
    expect(answer).toMatchObject({ status: 'STALLED', capacityRecovery: 0 });
    const backdated = await enterpriseNow('backdated');
    expect(backdated.status).toBe('STALLED');
    expect(backdated.statusHistory.map((entry: any) => [entry.status, entry.note])).toEqual([
      ['STALLED', 'today'],
      ['OPERATING', 'late'],
      ['OPERATING', 'import'],
    ]);
    expect(backdated.statusHistory[1].at).toBe('2020-03-10T08:00:00.000Z');

    dataOf(await t.server.gql(SET_LINK, { id: id('l-backdated'), s: 'BLOCKED', r: 'checkpoint closed today' }));
    const reopened = dataOf(
      await t.server.gql(SET_LINK, { id: id('l-backdated'), s: 'OPEN', at: '2020-03-10T08:00:00Z', r: 'late' }),
    ).setLinkStatus;
    expect(reopened.status).toBe('BLOCKED');
    const link = await linkNow('l-backdated');
    expect(link.status).toBe('BLOCKED');
    expect(link.statusHistory.map((entry: any) => [entry.status, entry.reason])).toEqual([
      ['BLOCKED', 'checkpoint closed today'],
      ['OPEN', 'late'],
      ['OPEN', 'import'],
    ]);
  });

  it('refuses an at in the future with BAD_USER_INPUT and records nothing', async () => {
    const before = { enterprise: await enterpriseNow('future'), link: await linkNow('l-backdated') };
    const version = await t.services.changes.version();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    for (const at of ['9999-01-01T00:00:00Z', inAnHour]) {
      const enterpriseRefused = await t.server.gqlWithStatus(SET_ENTERPRISE, { id: id('future'), s: 'CLOSED', at });
      expect(enterpriseRefused.status).toBeLessThan(500);
      expect(enterpriseRefused.body.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/at must not be in the future/),
        extensions: { code: 'BAD_USER_INPUT', problems: [{ path: 'at', message: 'must not be in the future' }] },
      });
      const linkRefused = await t.server.gql(SET_LINK, { id: id('l-backdated'), s: 'OPEN', at });
      expect(linkRefused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await enterpriseNow('future')).toEqual(before.enterprise);
    expect(await linkNow('l-backdated')).toEqual(before.link);
    expect(await t.services.changes.version()).toBe(version);
  });

  it('recovery(at:) and recoveryTimeline agree on every date of a range, and recovery now with recovery at now', async () => {
    // Written out of order, two on one moment, one exactly on a point, one a millisecond after it,
    // one with an offset (08:00 in Shanghai is midnight UTC).
    const changes = [
      { id: id('r1'), s: 'STALLED', at: '2020-02-03T00:00:00Z' },
      { id: id('r2'), s: 'PARTIAL', c: 0.3, at: '2020-02-05T08:00:00+08:00' },
      { id: id('r1'), s: 'PARTIAL', c: 0.6, at: '2020-02-07T12:00:00Z' },
      { id: id('r3'), s: 'STALLED', at: '2020-02-04T00:00:00.001Z' },
      { id: id('r2'), s: 'STALLED', at: '2020-02-02T10:00:00Z' },
      { id: id('r1'), s: 'OPERATING', at: '2020-02-07T12:00:00Z' },
      { id: id('r3'), s: 'PARTIAL', c: 0.9, at: '2020-02-09T23:59:59.999Z' },
      { id: id('r2'), s: 'CLOSED', at: '2020-02-06T00:00:00Z' },
      { id: id('r2'), s: 'OPERATING', at: '2020-02-08T00:00:00Z' },
    ];
    for (const change of changes) await setEnterprise(change);

    const RECOVERY_FIELDS =
      'enterpriseCount resumedCount resumedShare capacityRecovery workforceReturned byStatus { status count }';
    const timeline = dataOf(
      await t.server.gql(
        `query($f: EnterpriseFilter) {
          recoveryTimeline(groupBy: REGION, filter: $f, from: "2020-01-30T00:00:00Z", to: "2020-02-12T00:00:00Z") {
            key points { at ${RECOVERY_FIELDS} }
          }
        }`,
        { f: { region: [replayRegion] } },
      ),
    ).recoveryTimeline;
    expect(timeline.map((group: any) => group.key)).toEqual([replayRegion]);
    const points = timeline[0].points;
    expect(points).toHaveLength(13);
    const RECOVERY_AT = `query($f: EnterpriseFilter, $at: DateTime) { recovery(groupBy: REGION, filter: $f, at: $at) { key ${RECOVERY_FIELDS} } }`;
    for (const { at, ...figures } of points) {
      const atThen = dataOf(await t.server.gql(RECOVERY_AT, { f: { region: [replayRegion] }, at })).recovery;
      expect(atThen, at).toEqual(figures.enterpriseCount === 0 ? [] : [{ key: replayRegion, ...figures }]);
    }
    // Spot checks of the replay: the moment on a point counts at it, the offset is read as UTC.
    const on = (day: string) => points.find((point: any) => point.at.startsWith(day));
    expect(on('2020-02-03').byStatus).toContainEqual({ status: 'STALLED', count: 2 }); // r1 at 00:00 on the point, r2
    expect(on('2020-02-05')).toMatchObject({ resumedCount: 1 }); // r2 PARTIAL at 2020-02-05T00:00Z; r1, r3 stalled
    expect(on('2020-02-08')).toMatchObject({ resumedCount: 2, capacityRecovery: 1 }); // r1 OPERATING (the later of two), r2; r3 down
    expect(on('2020-02-10')).toMatchObject({ resumedCount: 3 });

    const now = dataOf(await t.server.gql(RECOVERY_AT, { f: { region: [replayRegion] } })).recovery;
    const atNow = dataOf(
      await t.server.gql(RECOVERY_AT, { f: { region: [replayRegion] }, at: new Date().toISOString() }),
    ).recovery;
    expect(atNow).toEqual(now);
  });

  it('20 parallel writers, alternating statuses, never leave the current status and the newest entry disagreeing', async () => {
    const writers = 20;
    for (let round = 0; round < 4; round += 1) {
      // Odd rounds date every change at one shared moment: commit order alone decides the newest.
      const at = round % 2 === 1 ? new Date().toISOString() : undefined;
      const answers = await Promise.all(
        Array.from({ length: writers }, (_, i) => [
          t.server.gql(SET_ENTERPRISE, {
            id: id('raced'),
            s: i % 2 === 0 ? 'STALLED' : 'OPERATING',
            at,
            n: `round ${round} writer ${i}`,
          }),
          t.server.gql(SET_LINK, {
            id: id('l-raced'),
            s: i % 2 === 0 ? 'BLOCKED' : 'OPEN',
            at,
            r: `round ${round} writer ${i}`,
          }),
        ]).flat(),
      );
      for (const answer of answers) dataOf(answer);

      const raced = await enterpriseNow('raced');
      expect(raced.statusHistory).toHaveLength(1 + writers * (round + 1));
      expect(raced.status, `round ${round}`).toBe(raced.statusHistory[0].status);
      expect(raced.capacityRecovery, `round ${round}`).toBe(raced.statusHistory[0].capacityRecovery);
      const link = await linkNow('l-raced');
      expect(link.statusHistory).toHaveLength(1 + writers * (round + 1));
      expect(link.status, `round ${round}`).toBe(link.statusHistory[0].status);
      // What the engine sees agrees too: the link blocks in today's state exactly when it is BLOCKED.
      const impact = dataOf(
        await t.server.gql(
          `query($s: ScenarioInput!) { impact(scenario: $s) { stalled(first: 5) { edges { node { enterprise { id } } } } } }`,
          { s: { blockEnterprises: [id('supplier')], includeCurrentState: true } },
        ),
      ).impact;
      const stalled = impact.stalled.edges.map((edge: any) => edge.node.enterprise.id);
      // raced stalls on losing its supplier only when it runs and gets yarn through the open link today.
      expect(stalled.includes(id('raced')), `round ${round}`).toBe(
        raced.status === 'OPERATING' && link.status === 'OPEN',
      );
    }
  });
});
