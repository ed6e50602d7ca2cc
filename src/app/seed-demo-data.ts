import fs from 'node:fs';
import path from 'node:path';
import type { StatusChangeRequest } from '../features/enterprise/enterprise.service';
import type { GraphDocument } from '../features/import/graph-document';
import type { ImportCounts } from '../features/import/import.service';
import type { LinkStatusChangeRequest } from '../features/supply-link/supply-link.service';
import type { Logger } from '../platform/logging/create-logger';
import { PROJECT_ROOT } from '../platform/project-root';
import type { Services } from './create-services';

export const DEMO_DATA_FILE = path.join(PROJECT_ROOT, 'data', 'demo.json');

/** The dated status history of the demo data, from the reports (data/README.md). */
export const DEMO_HISTORY_FILE = path.join(PROJECT_ROOT, 'data', 'demo-history.json');

/** The actor of the demo data's history entries and change record. */
export const DEMO_SEED_ACTOR = 'system:demo-seed';

/** The demo history file: dated status changes of enterprises and links. */
export interface DemoHistory {
  enterprises: StatusChangeRequest[];
  links: LinkStatusChangeRequest[];
}

/** Loads the demo dataset into an empty graph (see loadDemoData); a graph with any enterprise is left alone. */
export async function seedDemoData(services: Services, logger: Logger): Promise<boolean> {
  const { enterprises } = await services.imports.counts();
  if (enterprises > 0) return false;
  const loaded = await loadDemoData(services, DEMO_SEED_ACTOR);
  logger.info(loaded, 'loaded the demo dataset and its dated history into the empty graph');
  return true;
}

/**
 * Imports the demo dataset, then its dated history: each enterprise's
 * restart as the reports date it (February to April 2020, and April to May
 * 2022 for Songjiang). Every dated entry is older than the import's own
 * entries, so the current state stays the rows of demo.json.
 */
export async function loadDemoData(
  services: Services,
  actor: string,
): Promise<ImportCounts & { historyEntries: number }> {
  const document = JSON.parse(fs.readFileSync(DEMO_DATA_FILE, 'utf8')) as GraphDocument;
  const counts = await services.imports.importGraph(actor, document, { note: 'demo dataset' });
  const history = JSON.parse(fs.readFileSync(DEMO_HISTORY_FILE, 'utf8')) as DemoHistory;
  await services.enterprises.setStatuses(actor, history.enterprises, 'demoHistory');
  await services.links.setStatuses(actor, history.links, 'demoHistory');
  return { ...counts, historyEntries: history.enterprises.length + history.links.length };
}
