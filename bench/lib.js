'use strict';
/** Shared helpers of the bench scripts: where the compiled project is, and a Neo4j driver for DATA_DIR. */
const fs = require('node:fs');
const path = require('node:path');

/** The project root: LINKFALL_ROOT, else the folder above bench/. Its dist/ must be built. */
const ROOT = path.resolve(process.env.LINKFALL_ROOT || path.join(__dirname, '..'));
const DIST = path.join(ROOT, 'dist');

/** Loads a module of the project's dependencies (neo4j-driver, pino) from ROOT/node_modules. */
function projectRequire(name) {
  return require(require.resolve(name, { paths: [ROOT] }));
}

function requireDist(relative) {
  const file = path.join(DIST, relative);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm ci && npm run build" in ${ROOT}`);
  return require(file);
}

/**
 * Where Neo4j is, found as the service finds it (the compiled locateNeo4j):
 * NEO4J_URI/USER/PASSWORD/DATABASE, else the managed Neo4j of DATA_DIR, which must be running.
 */
async function neo4jTarget() {
  const { readConfig } = requireDist('platform/config/config.js');
  const { locateNeo4j } = requireDist('platform/neo4j/connect-neo4j.js');
  const { target } = await locateNeo4j(readConfig(), { startManaged: false, connectionTimeoutMs: 30_000 });
  return target;
}

/** A raw driver on that Neo4j, for queries the service does not make (the naive baseline, chores). */
async function openDriver() {
  const neo4j = projectRequire('neo4j-driver');
  const target = await neo4jTarget();
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 30_000,
  });
  return { neo4j, driver, database: target.database };
}

/** Percentile by nearest rank on a sorted copy. */
function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function stats(values) {
  return {
    runs: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

const round = (ms, digits = 1) => (ms === null || ms === undefined ? null : Number(ms.toFixed(digits)));

/** `--name value` or `--name=value` arguments over `defaults`; numbers where the default is a number. */
function parseArgs(argv, defaults) {
  const args = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !(match[1] in defaults)) throw new Error(`unknown argument ${argv[i]}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    args[match[1]] = typeof defaults[match[1]] === 'number' ? Number(value) : value;
  }
  return args;
}

/**
 * The blocks impact-bench.js times, found on an engine graph: the hub (most outbound links, then the
 * smaller id), the largest region (then the smaller name), the hub's first inbound link by id, and
 * mode ROAD. `hub` / `region` / `link` given by id replace what would be found.
 */
function benchBlocks(graph, given = {}) {
  const outbound = (v) => graph.nodeOutStart[v + 1] - graph.nodeOutStart[v];
  const busiestEnterprise = () => {
    let hub = 0;
    for (let v = 1; v < graph.nodeCount; v++) {
      if (outbound(v) > outbound(hub) || (outbound(v) === outbound(hub) && graph.compareEnterpriseIds(v, hub) < 0))
        hub = v;
    }
    return hub;
  };
  const size = (r) => graph.regionNodeStart[r + 1] - graph.regionNodeStart[r];
  const largestRegion = () => {
    let region = 0;
    for (let r = 1; r < graph.regionCount; r++) {
      if (size(r) > size(region) || (size(r) === size(region) && graph.regionNameAt(r) < graph.regionNameAt(region)))
        region = r;
    }
    return graph.regionNameAt(region);
  };
  const hub = given.hub ? graph.nodeIndex(given.hub) : busiestEnterprise();
  const inbound = [];
  for (let q = graph.nodePortStart[hub]; q < graph.nodePortStart[hub + 1]; q++) {
    for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++)
      inbound.push(graph.linkId(graph.portLinks[i]));
  }
  return {
    link: { blockLinks: [given.link ?? inbound.sort()[0]] },
    hub: { blockEnterprises: [graph.enterpriseId(hub)] },
    region: { blockRegions: [given.region ?? largestRegion()] },
    mode: { blockModes: ['ROAD'] },
  };
}

module.exports = {
  benchBlocks,
  ROOT,
  DIST,
  projectRequire,
  requireDist,
  neo4jTarget,
  openDriver,
  parseArgs,
  percentile,
  stats,
  round,
};
