import fs from 'node:fs';
import path from 'node:path';
import type { GraphDocument } from '../features/import/graph-document';
import type { Logger } from '../platform/logging/create-logger';
import { PROJECT_ROOT } from '../platform/project-root';
import type { Services } from './create-services';

export const DEMO_DATA_FILE = path.join(PROJECT_ROOT, 'data', 'demo.json');

/** The actor of the demo data's history entries and change record. */
export const DEMO_SEED_ACTOR = 'system:demo-seed';

/** Loads the demo dataset into an empty graph; a graph with any enterprise is left alone. */
export async function seedDemoData(services: Services, logger: Logger): Promise<boolean> {
  const { enterprises } = await services.imports.counts();
  if (enterprises > 0) return false;
  const document = JSON.parse(fs.readFileSync(DEMO_DATA_FILE, 'utf8')) as GraphDocument;
  const counts = await services.imports.importGraph(DEMO_SEED_ACTOR, document, { note: 'demo dataset' });
  logger.info(counts, 'loaded the demo dataset into the empty graph');
  return true;
}
