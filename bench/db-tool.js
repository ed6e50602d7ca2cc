#!/usr/bin/env node
'use strict';
/**
 * Small Neo4j chores of the bench scripts, against the running managed Neo4j
 * of DATA_DIR (or NEO4J_URI):
 *
 *   node bench/db-tool.js counts    node count per label, relationship count per type (JSON)
 *   node bench/db-tool.js migrate   apply cypher/schema.cypher (what the service runs at start)
 *                                   and wait, without the service's 120 s limit, for the indexes
 *   node bench/db-tool.js sample    one Enterprise and one SUPPLIES with their property types
 *   node bench/db-tool.js empty     delete every node and relationship, 10,000 nodes a transaction
 *                                   (the schema stays)
 */
const path = require('node:path');
const { openDriver, requireDist } = require('./lib');

async function main(command) {
  const { driver, database } = await openDriver();
  const session = () => driver.session({ database });
  const read = async (query, params) => {
    const s = session();
    try {
      return (await s.run(query, params)).records;
    } finally {
      await s.close();
    }
  };
  try {
    switch (command) {
      case 'counts': {
        const labels = await read('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label');
        const types = await read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type');
        const out = { nodes: {}, relationships: {} };
        for (const r of labels) out.nodes[r.get('label')] = r.get('count');
        for (const r of types) out.relationships[r.get('type')] = r.get('count');
        console.log(JSON.stringify(out));
        return 0;
      }
      case 'migrate': {
        const { cypherStatements } = requireDist(path.join('platform', 'neo4j', 'cypher.js'));
        const started = Date.now();
        for (const statement of cypherStatements('schema')) await read(statement);
        await read('CALL db.awaitIndexes(7200)');
        const states = await read(
          'SHOW INDEXES YIELD name, state, populationPercent RETURN name, state, populationPercent',
        );
        console.log(
          JSON.stringify({
            seconds: (Date.now() - started) / 1000,
            indexes: states.map((r) => `${r.get('name')}:${r.get('state')}:${r.get('populationPercent')}`),
          }),
        );
        return 0;
      }
      case 'sample': {
        const describe = (props) =>
          Object.fromEntries(Object.entries(props).map(([k, v]) => [k, `${typeof v}:${JSON.stringify(v)}`]));
        const e = await read('MATCH (e:Enterprise) RETURN properties(e) AS p LIMIT 1');
        const s = await read('MATCH ()-[s:SUPPLIES]->() RETURN properties(s) AS p LIMIT 1');
        console.log(JSON.stringify({ enterprise: describe(e[0].get('p')), link: describe(s[0].get('p')) }, null, 1));
        return 0;
      }
      case 'empty': {
        await read('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
        return 0;
      }
      default:
        console.error('usage: node bench/db-tool.js counts|migrate|sample|empty');
        return 2;
    }
  } finally {
    await driver.close();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message ?? error);
    process.exit(1);
  },
);
