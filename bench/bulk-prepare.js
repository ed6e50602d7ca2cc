#!/usr/bin/env node
// The command's own part of `npm run import -- --bulk`, without Neo4j: reads a CSV folder (or JSON
// document), checks every row and writes neo4j-admin's CSV files into OUT_DIR, as the command does
// before the load. Prints seconds, rows and peak memory; time it with /usr/bin/time -v for CPU.
//
//   node bench/bulk-prepare.js <graph folder> [OUT_DIR=/tmp/linkfall-bulk-prepare]   (after npm run build)
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const dist = path.join(process.env.LINKFALL_ROOT || path.join(__dirname, '..'), 'dist');
const { streamGraphSource } = require(path.join(dist, 'features/import/read-graph-source'));
const { prepareBulkLoad } = require(path.join(dist, 'features/import/prepare-bulk-load'));

const [source, out = '/tmp/linkfall-bulk-prepare'] = process.argv.slice(2);
if (!source) {
  console.error('usage: node bench/bulk-prepare.js <graph folder> [OUT_DIR]');
  process.exit(2);
}
(async () => {
  const began = Date.now();
  const run = { id: 'bench', at: new Date().toISOString(), note: `import ${source}`, actor: 'bench' };
  try {
    const { loaded } = await prepareBulkLoad(streamGraphSource(source), run, out);
    const seconds = (Date.now() - began) / 1000;
    const rows = { enterprises: loaded.enterpriseIds.length, links: loaded.linkIds.length };
    console.log(JSON.stringify({ seconds, rows, rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
})();
