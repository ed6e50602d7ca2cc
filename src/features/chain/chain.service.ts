import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import type { SupplyLinkService } from '../supply-link/supply-link.service';
import type { ImpactService } from '../impact/impact.service';
import { ChainLinks } from './chain-links.enum';
import { type Chain, ChainDirection, type SupplyPath } from './chain.type';

export interface ChainRequest {
  id: string;
  direction: ChainDirection;
  maxDepth: number;
  products: string[] | null;
  maxNodes: number;
  /** ALL (the default): every link among the returned enterprises; WALKED: the links walked. */
  links?: ChainLinks;
}

/**
 * Chains and paths. A chain is walked breadth first, one query per hop and
 * direction, so each node gets its smallest depth and the node cap applies
 * tier by tier. Paths follow goods product by product through markets and
 * trade firms, which the engine's index of the graph answers in memory.
 */
export class ChainService {
  constructor(
    private readonly enterprises: EnterpriseService,
    private readonly links: SupplyLinkService,
    private readonly impact: ImpactService,
  ) {}

  async chain(request: ChainRequest): Promise<Chain> {
    const root = await this.enterprises.get(request.id);
    await this.links.assertKnownProducts({ products: request.products });
    const tiers = new Map<string, number>([[root.id, 0]]);
    const links = new Map<string, SupplyLinkRecord>();
    const products = request.products ? new Set(request.products) : null;
    let truncated = false;

    const walk = async (sign: 1 | -1) => {
      let frontier = [root.id];
      for (let depth = 1; depth <= request.maxDepth && frontier.length > 0 && !truncated; depth++) {
        const found = sign > 0 ? await this.links.outbound(frontier) : await this.links.inbound(frontier);
        const next: string[] = [];
        for (const link of found) {
          if (products && !products.has(link.product)) continue;
          const other = sign > 0 ? link.to : link.from;
          if (!tiers.has(other)) {
            if (tiers.size >= request.maxNodes) {
              truncated = true;
              continue;
            }
            tiers.set(other, sign * depth);
            next.push(other);
          }
          links.set(link.id, link);
        }
        frontier = next;
      }
    };
    if (request.direction !== ChainDirection.UPSTREAM) await walk(1);
    if (request.direction !== ChainDirection.DOWNSTREAM) await walk(-1);

    const others = await this.enterprises.findByIds([...tiers.keys()].filter((id) => id !== root.id));
    const byId = new Map<string, EnterpriseRecord>([[root.id, root], ...others.map((e) => [e.id, e] as const)]);
    const nodes = [...tiers].map(([id, tier]) => ({
      enterprise: byId.get(id) as EnterpriseRecord,
      depth: Math.abs(tier),
      tier,
    }));
    nodes.sort((a, b) => a.tier - b.tier || a.enterprise.id.localeCompare(b.enterprise.id));
    const kept =
      request.links === ChainLinks.WALKED
        ? [...links.values()].filter((link) => tiers.has(link.from) && tiers.has(link.to))
        : await this.links.among([...tiers.keys()], request.products);
    kept.sort((a, b) => a.id.localeCompare(b.id));
    return { nodes, links: kept, truncated };
  }

  /** The shortest supply paths goods can take, at most `first`, in the order of their link ids. */
  async paths(fromId: string, toId: string, maxDepth: number, first: number): Promise<SupplyPath[]> {
    await Promise.all([this.enterprises.get(fromId), this.enterprises.get(toId)]);
    if (fromId === toId) return [];
    const found = await this.impact.supplyPaths(fromId, toId, maxDepth, first);
    const enterpriseIds = [...new Set(found.flatMap((p) => p.enterpriseIds))];
    const linkIds = [...new Set(found.flatMap((p) => p.linkIds))];
    const [enterprises, links] = await Promise.all([
      this.enterprises.findByIds(enterpriseIds),
      this.links.findByIds(linkIds),
    ]);
    const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
    const linkById = new Map(links.map((l) => [l.id, l]));
    return found.map((path) => ({
      length: path.linkIds.length,
      enterprises: path.enterpriseIds.map((id) => enterpriseById.get(id) as EnterpriseRecord),
      links: path.linkIds.map((id) => linkById.get(id) as SupplyLinkRecord),
    }));
  }
}
