#!/usr/bin/env node
'use strict';
/**
 * What the encoding of staged rows costs Neo4j and the import command: the same rows of a generated
 * folder staged in each form in turn, alternating, into the running managed Neo4j of DATA_DIR (the
 * rows go under run ids of their own and are removed after each form):
 *
 *   node bench/staging-encoding-bench.js --graph /tmp/linkfall-bench-100000/graph [--rows 100000] [--rounds 3]
 *     [--out bench/results/staging-encoding-<rows>.json]
 *
 * Enterprises as maps (`SET e = row`, the build before) or as lists (import/stage-enterprises); links
 * as lists (import/stage-links) or as delimited text (the form tried and not kept, below). Each form is staged as
 * the import command does it: 5,000-row transactions, each sent as two pipelined statements. Neo4j's
 * CPU is read from /proc/<pid>/stat of the managed Neo4j, this process's from process.cpuUsage (it
 * builds and encodes the rows, as the command would). One JSON line per form and round, then medians;
 * all of it is written to --out.
 */
const fs = require('node:fs');
const path = require('node:path');
const { openDriver, parseArgs, percentile, requireDist } = require('./lib');

const BATCH = 5_000;
const PIPELINED = 2_500;

const { cypher } = requireDist('platform/neo4j/cypher.js');
const { ENTERPRISE_FIELDS } = requireDist('features/enterprise/enterprise.record.js');
const { LINK_PROPERTY_FIELDS } = requireDist('features/supply-link/supply-link.record.js');
const { chunks } = requireDist('features/import/chunks.js');
const { readGraphSource } = requireDist('features/import/read-graph-source.js');

/**
 * Links as one string a statement (tried, not kept: it saved the command 1-3 s of CPU per 400k links
 * and Neo4j none, and the whole import no wall time; bench/RESULTS.md): a line a link, fields between
 * U+001F, lines between U+001E, an empty field for null. The generated rows hold no empty string.
 */
const LINK_TEXT_STATEMENT = `UNWIND split($text, '\\u001E') AS line
WITH split(line, '\\u001F') AS row
CALL (row) {
  MATCH (a) WHERE elementId(a) = $stagedPrefix + CASE row[0] WHEN '' THEN null ELSE row[0] END
  RETURN a
  UNION ALL
  MATCH (a:Enterprise {id: CASE row[2] WHEN '' THEN null ELSE row[2] END})
  RETURN a
}
CALL (row) {
  MATCH (b) WHERE elementId(b) = $stagedPrefix + CASE row[1] WHEN '' THEN null ELSE row[1] END
  RETURN b
  UNION ALL
  MATCH (b:Enterprise {id: CASE row[3] WHEN '' THEN null ELSE row[3] END})
  RETURN b
}
CREATE (a)-[s:SUPPLIES {id: row[4], product: row[5], mode: row[6], volume: toFloat(row[7]),
                        unit: [v IN [row[8]] WHERE v <> ''][0], status: row[9], inventoryDays: toFloat(row[10]),
                        source: [v IN [row[11]] WHERE v <> ''][0], note: [v IN [row[12]] WHERE v <> ''][0],
                        importId: $importId}]->(b)
RETURN count(*) AS staged`;
const delimitedLine = (values) => values.map((value) => (value === null ? '' : String(value))).join('\u001f');

const ENTERPRISE_MAP_STATEMENT =
  'UNWIND $rows AS row CREATE (e:StagedEnterprise) SET e = row, e.importId = $importId RETURN collect(elementId(e)) AS staged';

async function main() {
  const args = parseArgs(process.argv.slice(2), { graph: '', rows: 100_000, rounds: 3, out: '' });
  if (!args.graph) throw new Error('--graph <folder of enterprises.csv and links.csv> is required');
  // Read and typed as the import command reads a CSV folder.
  const { document } = await readGraphSource(args.graph);
  const enterprises = document.enterprises.slice(0, args.rows);
  const known = new Set(enterprises.map((row) => row.id));
  const links = document.links.filter((row) => known.has(row.from) && known.has(row.to));
  const pid = fs.readFileSync(path.join(process.env.DATA_DIR, 'neo4j', 'neo4j.pid'), 'utf8').trim();
  const ticks = 100; // USER_HZ, as /proc reports on Linux
  const neo4jCpu = () => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  };

  const { driver, database } = await openDriver();
  const session = driver.session({ database });
  const run = (query, params) => session.run(query, params);
  /** Stages `rows` in transactions of BATCH, each as pipelined statements built by `statements`. */
  const stage = async (rows, statements) => {
    const staged = [];
    for (const batch of chunks(rows, BATCH)) {
      const parts = await session.executeWrite((tx) =>
        Promise.all(statements(batch).map(({ query, params }) => tx.run(query, params))),
      );
      for (const part of parts) if (part.records[0].has('staged')) staged.push(part.records[0].get('staged'));
    }
    return staged;
  };
  const parts = (rows) => chunks(rows, PIPELINED);
  const present = (row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));

  const enterpriseForms = {
    map: (batch, importId) =>
      parts(batch).map((part) => ({ query: ENTERPRISE_MAP_STATEMENT, params: { rows: part.map(present), importId } })),
    list: (batch, importId) =>
      parts(batch).map((part) => ({
        query: cypher('import/stage-enterprises'),
        params: { rows: part.map((row) => ENTERPRISE_FIELDS.map((field) => row[field] ?? null)), importId },
      })),
  };
  const linkValues = (row, ends, prefix) => [
    ends.get(row.from).slice(prefix.length),
    ends.get(row.to).slice(prefix.length),
    null,
    null,
    ...LINK_PROPERTY_FIELDS.map((field) => row[field] ?? null),
  ];
  const linkForms = {
    list: (batch, importId, ends, prefix) =>
      parts(batch).map((part) => ({
        query: cypher('import/stage-links'),
        params: { rows: part.map((row) => linkValues(row, ends, prefix)), stagedPrefix: prefix, importId },
      })),
    text: (batch, importId, ends, prefix) =>
      parts(batch).map((part) => ({
        query: LINK_TEXT_STATEMENT,
        params: {
          text: part.map((row) => delimitedLine(linkValues(row, ends, prefix))).join('\u001e'),
          stagedPrefix: prefix,
          importId,
        },
      })),
  };

  const timed = async (kind, form, round, work) => {
    const neo4jBefore = neo4jCpu();
    const commandBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = await work();
    const command = process.cpuUsage(commandBefore);
    const line = {
      kind,
      form,
      round,
      rows: kind === 'enterprises' ? enterprises.length : links.length,
      wallSeconds: Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)),
      neo4jCpuSeconds: Number((neo4jCpu() - neo4jBefore).toFixed(2)),
      commandCpuSeconds: Number(((command.user + command.system) / 1e6).toFixed(2)),
    };
    console.log(JSON.stringify(line));
    return { line, result };
  };
  const remove = (importId) =>
    run(
      `MATCH (e:StagedEnterprise {importId: $importId})
       CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 5000 ROWS`,
      { importId },
    );

  const lines = [];
  try {
    for (let round = 1; round <= args.rounds; round++) {
      // Alternate which form goes first; the last enterprise form's nodes are the links' ends.
      const order = round % 2 ? ['map', 'list'] : ['list', 'map'];
      let ends;
      let endsRun;
      for (const [i, form] of order.entries()) {
        const importId = `bench-encoding-${form}-${round}`;
        const { line, result } = await timed('enterprises', form, round, () =>
          stage(enterprises, (batch) => enterpriseForms[form](batch, importId)),
        );
        lines.push(line);
        if (i < order.length - 1) await remove(importId);
        else {
          const ids = result.flat();
          ends = new Map(enterprises.map((row, k) => [row.id, ids[k]]));
          endsRun = importId;
        }
      }
      const prefix = ends
        .values()
        .next()
        .value.replace(/[^:]*$/, '');
      for (const form of round % 2 ? ['list', 'text'] : ['text', 'list']) {
        const importId = `bench-encoding-links-${form}-${round}`;
        const { line } = await timed('links', form, round, () =>
          stage(links, (batch) => linkForms[form](batch, importId, ends, prefix)),
        );
        lines.push(line);
        await run(
          `MATCH ()-[s:SUPPLIES {importId: $importId}]->() CALL (s) { DELETE s } IN TRANSACTIONS OF 20000 ROWS`,
          { importId },
        );
      }
      await remove(endsRun);
    }
  } finally {
    await session.close();
    await driver.close();
  }
  const medians = {};
  for (const line of lines) {
    const key = `${line.kind} as ${line.form}`;
    medians[key] ??= { rows: line.rows, wall: [], neo4jCpu: [], commandCpu: [] };
    medians[key].wall.push(line.wallSeconds);
    medians[key].neo4jCpu.push(line.neo4jCpuSeconds);
    medians[key].commandCpu.push(line.commandCpuSeconds);
  }
  for (const value of Object.values(medians)) {
    for (const measure of ['wall', 'neo4jCpu', 'commandCpu']) value[measure] = percentile(value[measure], 50);
  }
  console.log(JSON.stringify({ medians }));
  const out = args.out || path.join(__dirname, 'results', `staging-encoding-${args.rows}.json`);
  const result = { at: new Date().toISOString(), graph: args.graph, rounds: args.rounds, medians, runs: lines };
  fs.writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
