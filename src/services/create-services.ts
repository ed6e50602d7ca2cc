import { ChainRepository } from '../chain/chain.repository';
import { ChainService } from '../chain/chain.service';
import { EnterpriseRepository } from '../enterprise/enterprise.repository';
import { EnterpriseService } from '../enterprise/enterprise.service';
import { GraphMetaRepository } from '../graph/graph-meta.repository';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { GraphSnapshotCache } from '../impact/graph-snapshot-cache';
import { GraphSnapshotRepository } from '../impact/graph-snapshot.repository';
import { ImpactService } from '../impact/impact.service';
import type { Logger } from '../logging/create-logger';
import { ScenarioRepository } from '../scenario/scenario.repository';
import { ScenarioService } from '../scenario/scenario.service';
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
export function createServices(db: GraphDatabase, logger?: Logger) {
  const enterpriseRepository = new EnterpriseRepository(db);
  const linkRepository = new SupplyLinkRepository(db);
  const meta = new GraphMetaRepository(db);
  const imports = new ImportService(db, enterpriseRepository, linkRepository, meta);
  const enterprises = new EnterpriseService(db, enterpriseRepository, meta, imports);
  const links = new SupplyLinkService(db, linkRepository, meta, imports);
  const impact = new ImpactService(new GraphSnapshotCache(meta, new GraphSnapshotRepository(db), logger), enterprises);
  return {
    db,
    meta,
    imports,
    enterprises,
    links,
    history: new HistoryService(new HistoryRepository(db)),
    chains: new ChainService(enterprises, links, new ChainRepository(db)),
    recovery: new RecoveryService(new RecoveryRepository(db)),
    impact,
    scenarios: new ScenarioService(new ScenarioRepository(db), impact),
    /** The whole graph in the import format, nulls left out. */
    async exportGraph() {
      const drop = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
      const [enterpriseRows, linkRows] = await Promise.all([enterpriseRepository.exportAll(), linkRepository.exportAll()]);
      return { enterprises: enterpriseRows.map(drop), links: linkRows.map(drop) };
    },
  };
}

export type Services = ReturnType<typeof createServices>;
