#!/usr/bin/env node
'use strict';
/**
 * Converts the generator's CSV import folder (enterprises.csv + links.csv, a
 * header row of the JSON field names) into the files `neo4j-admin database
 * import full` reads: the same data rows under a typed header
 * (`id:ID`, `:START_ID`, `:END_ID`, `name:float`, ...).
 *
 *   node bench/to-admin-csv.js <generator-folder> <out-folder>
 *
 * Streaming and O(1) in memory: only the header line is rewritten, every
 * other byte is copied through as is (the generator writes RFC 4180 CSV,
 * which the admin importer reads with its default quoting).
 * Columns are mapped by name, so a reordered generator still converts; an
 * unknown column fails loudly rather than loading as the wrong type.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const { Transform } = require('node:stream');

// Cypher's FLOAT is 64 bits: the importer's `float` would store 32 (0.95 reads back 0.949999988...).
const FLOAT = ':double';
const BOOLEAN = ':boolean';

/** Typed header names per source column; '' keeps it a string property. */
const ENTERPRISE_TYPES = {
  id: 'id:ID',
  name: '',
  kind: '',
  region: '',
  park: '',
  lat: FLOAT,
  lon: FLOAT,
  status: '',
  capacityRecovery: FLOAT,
  workforceReturned: FLOAT,
  dailyCapacity: FLOAT,
  unit: '',
  dailyOutputValue: FLOAT,
  nameLocal: '',
  whitelisted: BOOLEAN,
};
const LINK_TYPES = {
  id: '',
  from: ':START_ID',
  to: ':END_ID',
  product: '',
  mode: '',
  volume: FLOAT,
  unit: '',
  status: '',
  inventoryDays: FLOAT,
};

function typedHeader(columns, types, file) {
  return columns
    .map((column) => {
      if (!(column in types)) throw new Error(`${file}: unknown column "${column}"; add it to bench/to-admin-csv.js`);
      const type = types[column];
      if (type === '') return column;
      if (type.startsWith(':') && (type === FLOAT || type === BOOLEAN)) return `${column}${type}`;
      return type;
    })
    .join(',');
}

/** Replaces the first line (the header) and passes the rest through unchanged. */
function replaceHeader(types, file) {
  let header = null;
  let pending = '';
  let rows = 0;
  const stream = new Transform({
    transform(chunk, _encoding, done) {
      if (header !== null) {
        rows += countNewlines(chunk);
        done(null, chunk);
        return;
      }
      pending += chunk.toString('utf8');
      const end = pending.indexOf('\n');
      if (end < 0) {
        done();
        return;
      }
      const columns = pending.slice(0, end).replace(/\r$/, '').split(',');
      header = typedHeader(columns, types, file);
      const rest = Buffer.from(pending.slice(end + 1), 'utf8');
      rows += countNewlines(rest);
      pending = '';
      done(null, Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), rest]));
    },
  });
  stream.result = () => ({ header, rows });
  return stream;
}

function countNewlines(buffer) {
  let n = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) n++;
  return n;
}

async function convert(source, target, types) {
  const transform = replaceHeader(types, source);
  await pipeline(fs.createReadStream(source, { highWaterMark: 1 << 20 }), transform, fs.createWriteStream(target));
  return transform.result();
}

async function main() {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: node bench/to-admin-csv.js <generator-csv-folder> <out-folder>');
    process.exit(2);
  }
  fs.mkdirSync(to, { recursive: true });
  const started = Date.now();
  const nodes = await convert(path.join(from, 'enterprises.csv'), path.join(to, 'nodes.csv'), ENTERPRISE_TYPES);
  const rels = await convert(path.join(from, 'links.csv'), path.join(to, 'rels.csv'), LINK_TYPES);
  console.log(
    JSON.stringify({
      nodes: { file: path.join(to, 'nodes.csv'), header: nodes.header, rows: nodes.rows },
      relationships: { file: path.join(to, 'rels.csv'), header: rels.header, rows: rels.rows },
      seconds: (Date.now() - started) / 1000,
    }),
  );
}

module.exports = { ENTERPRISE_TYPES, LINK_TYPES };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
