import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../platform/auth/role';
import { ErrorCode } from '../platform/graphql/error-code';
import type { Logger } from '../platform/logging/create-logger';
import type { Services } from './create-services';

/** Where the managed mode leaves the first admin token: `DATA_DIR/admin-token`, mode 0600. */
export const ADMIN_TOKEN_FILE = 'admin-token';

/** The actor of the first admin token's creation. */
export const START_ACTOR = 'system:start';

/**
 * On the first start of a managed DATA_DIR: creates an admin API token and
 * writes its key to DATA_DIR/admin-token (owner-only), so whoever runs the
 * service can create the other tokens. Nothing happens while the file exists;
 * deleting it gets a new token at the next start (revoke the old one).
 */
export async function ensureAdminToken(services: Services, dataDir: string, logger: Logger): Promise<string> {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  if (fs.existsSync(file)) return file;
  const create = (name: string) => services.apiTokens.create(START_ACTOR, name, Role.ADMIN);
  const created = await create('initial-admin').catch((error: { extensions?: { code?: string } }) => {
    if (error.extensions?.code !== ErrorCode.CONFLICT) throw error;
    return create(`initial-admin-${Date.now().toString(36)}`);
  });
  fs.writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  logger.info(
    { file, token: created.apiToken.name },
    'created an admin API token; its key is in the file (send it as "Authorization: Bearer <key>")',
  );
  return file;
}
