import fs from 'node:fs';
import path from 'node:path';
import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../src/app/create-services';
import { loadDemoData } from '../../src/app/seed-demo-data';
import type { GraphDatabase } from '../../src/platform/neo4j/graph-database';
import { liveClient } from '../support/live-client';
import { connectTestGraph } from '../support/test-graph';
import { startTestServer, type TestServer } from '../support/test-server';

/** A GraphQL example of the README: the operation, and the JSON block right after it when there is one. */
interface Example {
  line: number;
  heading: string;
  query: string;
  variables: Record<string, unknown> | null;
}

/** Every ```graphql block of the README, each with the ```json block that follows it directly, if any. */
function readmeExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('#')) heading = lines[i].replace(/^#+\s*/, '');
    if (lines[i].trim() !== '```graphql') continue;
    const start = i + 1;
    while (lines[++i].trim() !== '```');
    const query = lines.slice(start, i).join('\n');
    let next = i + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    let variables: Record<string, unknown> | null = null;
    if (lines[next]?.trim() === '```json') {
      const from = next + 1;
      while (lines[++next].trim() !== '```');
      variables = JSON.parse(lines.slice(from, next).join('\n')) as Record<string, unknown>;
      i = next;
    }
    examples.push({ line: start, heading, query, variables });
  }
  return examples;
}

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const examples = readmeExamples(README);

// What the examples create on the demo data, removed afterwards so other tests see the demo data as it was.
const CREATED_ENTERPRISES = ['kq-dye-new'];
const IMPORT_RUNS = ['nightly-2026-11-22'];

let db: GraphDatabase;
let services: Services;
let server: TestServer;

beforeAll(async () => {
  ({ db, services } = await connectTestGraph());
  await loadDemoData(services, 'test');
  server = await startTestServer(services);
});

afterAll(async () => {
  for (const id of CREATED_ENTERPRISES)
    await server.gql(`mutation { deleteEnterprise(id: "${id}", detach: true) { id } }`);
  await db.write(`MATCH (c:StatusChange) WHERE c.subjectId IN $ids DELETE c`, {
    ids: [...CREATED_ENTERPRISES, 'kq-l-new'],
  });
  await db.write('MATCH (r:ImportRun) WHERE r.id IN $ids DELETE r', { ids: IMPORT_RUNS });
  const saved = await server.gql<{ scenarios: { nodes: { id: string; name: string }[] } }>(
    '{ scenarios(first: 500) { nodes { id name } } }',
  );
  for (const s of saved.data?.scenarios.nodes ?? []) {
    if (s.name === 'Roads out of Fuquan closed') await server.gql(`mutation { deleteScenario(id: "${s.id}") { id } }`);
  }
  await server?.stop();
  await db?.close();
});

const isSubscription = (query: string) => getOperationAST(parse(query))?.operation === 'subscription';

/** A subscription example is accepted over WebSocket: it starts listening and reports no error. */
async function expectSubscribed(example: Example): Promise<void> {
  const client = liveClient(server.url);
  const listeners = services.feed.listening;
  const subscription = client.subscribe(example.query, example.variables ?? {});
  try {
    await vi.waitFor(() => expect(services.feed.listening).toBe(listeners + 1), { timeout: 5_000, interval: 20 });
    expect(subscription.results.flatMap((result) => result.errors ?? [])).toEqual([]);
  } finally {
    await client.dispose();
  }
}

describe('the GraphQL examples of the README', () => {
  it('are there, each one operation, with its variables in a JSON block right after it when it declares any', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    for (const example of examples) {
      const operations = parse(example.query).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(operations, `README line ${example.line}`).toHaveLength(1);
      const declared = operations[0].kind === 'OperationDefinition' ? (operations[0].variableDefinitions ?? []) : [];
      if (declared.length > 0)
        expect(example.variables, `README line ${example.line} needs its variables`).not.toBeNull();
    }
  });

  it.each(examples.map((example) => [`${example.heading} (README line ${example.line})`, example] as const))(
    'runs on the demo data as written: %s',
    async (_name, example) => {
      if (isSubscription(example.query)) return expectSubscribed(example);
      const response = await server.gqlWithStatus(example.query, example.variables ?? {});
      expect(response.body.errors ?? [], JSON.stringify(response.body.errors)).toEqual([]);
      expect(response.status).toBe(200);
      expect(response.body.data).toBeTruthy();
    },
  );
});

describe('what the README says of the demo data', () => {
  it('reopening the Wenzhou copper link into Feidiao Electric (at 30%) brings back nothing; at full capacity it would', async () => {
    const plan = `query($current: Boolean!) {
      resumptionPlan(top: 200, includeCurrentState: $current) { link { id } recoveredOutputValue }
    }`;
    const copper = async (current: boolean) => {
      const response = await server.gql(plan, { current });
      const steps = response.data?.resumptionPlan as { link: { id: string } | null; recoveredOutputValue: number }[];
      return steps.find((step) => step.link?.id === 'sj-l-supplier-copper-wenzhou-to-feidiao-electric');
    };
    expect((await copper(true))?.recoveredOutputValue).toBeCloseTo(0, 6);
    expect((await copper(false))?.recoveredOutputValue).toBeGreaterThan(0);
  });
});
