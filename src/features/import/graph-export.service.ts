import type { EnterpriseRepository } from '../enterprise/enterprise.repository';
import type { SupplyLinkRepository } from '../supply-link/supply-link.repository';

/** The whole graph in the import format, so an export imports back as it was. */
export class GraphExportService {
  constructor(
    private readonly enterprises: EnterpriseRepository,
    private readonly links: SupplyLinkRepository,
  ) {}

  /** Every enterprise and link, nulls left out. */
  async exportGraph(): Promise<{ enterprises: Record<string, unknown>[]; links: Record<string, unknown>[] }> {
    const drop = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
    const [enterprises, links] = await Promise.all([this.enterprises.exportAll(), this.links.exportAll()]);
    return { enterprises: enterprises.map(drop), links: links.map(drop) };
  }
}
