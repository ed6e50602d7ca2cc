import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../platform/auth/role';
import { EXIT_USAGE, openCommandGraph, runCommand } from './bootstrap';

const USAGE = [
  'usage: npm run token -- create --role <viewer|analyst|editor|admin> --name <name>',
  '       npm run token -- list',
  '       npm run token -- revoke <id or name>',
].join('\n');

/** The actor the history records for tokens created and revoked here. */
const ACTOR = 'cli:token';

/**
 * `npm run token -- create|list|revoke`: API tokens, against NEO4J_URI or the
 * managed Neo4j of DATA_DIR. `create` prints the key once on stdout (the rest
 * goes to stderr, so `KEY=$(npm run --silent token -- create ...)` works).
 */
async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const [command, reference] = parsed.positionals;
  const { role, name } = parsed.values;
  if (command === 'create' && (!name || !isRole(role))) {
    console.error(`create needs --name and --role (one of ${ROLES.join(', ')})\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (command === 'revoke' && !reference) {
    console.error(`revoke needs the id or the name of a token\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (command !== 'create' && command !== 'list' && command !== 'revoke') {
    console.error(USAGE);
    return EXIT_USAGE;
  }
  const graph = await openCommandGraph();
  try {
    const tokens = graph.services.apiTokens;
    if (command === 'create' && name && isRole(role)) {
      const { key, apiToken } = await tokens.create(ACTOR, name, role);
      console.error(`Created API token "${apiToken.name}" (${apiToken.role}), id ${apiToken.id}. Its key, shown once:`);
      console.log(key);
      return 0;
    }
    const all = await tokens.list();
    if (command === 'list') {
      for (const t of all) {
        const state = t.revokedAt ? `revoked ${t.revokedAt} by ${t.revokedBy}` : 'live';
        console.log([t.id, t.name, t.role, `created ${t.createdAt} by ${t.createdBy}`, state].join('\t'));
      }
      if (all.length === 0) console.error('no API tokens yet');
      return 0;
    }
    const target = all.find((t) => t.id === reference || t.name === reference);
    if (!target) {
      console.error(`no API token has the id or name "${reference}"`);
      return 1;
    }
    const revoked = await tokens.revoke(ACTOR, target.id);
    console.log(`revoked ${revoked.id} (${revoked.name}) at ${revoked.revokedAt}`);
    return 0;
  } finally {
    await graph.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
