import { ChainRepository } from '../chain/chain.repository';
import { ChainService } from '../chain/chain.service';
import { EnterpriseRepository } from '../enterprise/enterprise.repository';
import { EnterpriseService } from '../enterprise/enterprise.service';
import { GraphMetaRepository } from '../graph/graph-meta.repository';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { ImportService } from '../import/import.service';
import type { GraphDatabase } from '../neo4j/graph-database';
import { RecoveryRepository } from '../recovery/recovery.repository';
import { RecoveryService } from '../recovery/recovery.service';
import { SupplyLinkRepository } from '../supply-link/supply-link.repository';
import { SupplyLinkService } from '../supply-link/supply-link.service';

/**
 * Wires repositories into services, once per process. Services hold no
 * per-user state; per-request state lives in the request context.
 */
export function createServices(db: GraphDatabase) {
  const enterpriseRepository = new EnterpriseRepository(db);
  const linkRepository = new SupplyLinkRepository(db);
  const meta = new GraphMetaRepository(db);
  const imports = new ImportService(db, enterpriseRepository, linkRepository, meta);
  const enterprises = new EnterpriseService(db, enterpriseRepository, meta, imports);
  const links = new SupplyLinkService(db, linkRepository, meta, imports);
  return {
    db,
    meta,
    imports,
    enterprises,
    links,
    history: new HistoryService(new HistoryRepository(db)),
    chains: new ChainService(enterprises, links, new ChainRepository(db)),
    recovery: new RecoveryService(new RecoveryRepository(db)),
    /** The whole graph in the import format, nulls left out. */
    async exportGraph() {
      const drop = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
      const [enterpriseRows, linkRows] = await Promise.all([enterpriseRepository.exportAll(), linkRepository.exportAll()]);
      return { enterprises: enterpriseRows.map(drop), links: linkRows.map(drop) };
    },
  };
}

export type Services = ReturnType<typeof createServices>;
