import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import type { RequestActor } from '../../platform/auth/request-actor';
import { Role, roleAtLeast } from '../../platform/auth/role';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SavedScenario } from '../scenario/saved-scenario.type';
import type { ScenarioService } from '../scenario/scenario.service';
import type { SupplyLinkLoaders } from '../supply-link/supply-link.loaders';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { IdArgs } from '../vocabulary/id.args';
import { NodesArgs } from './node.args';
import { Node } from '../vocabulary/node.type';

/** What the node resolver reads of the request context. */
export interface NodeContext extends RequestActor {
  services: { scenarios: ScenarioService };
  loaders: EnterpriseLoaders & SupplyLinkLoaders;
}

type NodeRecord = EnterpriseRecord | SupplyLinkRecord | SavedScenario;

/**
 * Finds each id among enterprises, supply links and the saved scenarios the
 * caller may see (none for a viewer; an analyst's own), batched per type; the
 * import keeps ids unique across types, so at most one matches.
 */
async function findNodes(ids: readonly string[], ctx: NodeContext): Promise<(NodeRecord | null)[]> {
  const seesScenarios = roleAtLeast(ctx.principal.role, Role.ANALYST);
  const owner = roleAtLeast(ctx.principal.role, Role.EDITOR) ? null : ctx.actor;
  const [enterprises, links, scenarios] = await Promise.all([
    ctx.loaders.enterprise.loadMany(ids),
    ctx.loaders.link.loadMany(ids),
    seesScenarios ? ctx.services.scenarios.findByIds(ids, owner) : Promise.resolve([]),
  ]);
  const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
  const found = (value: unknown): NodeRecord | null => {
    if (value instanceof Error) throw value;
    return value as NodeRecord | null;
  };
  return ids.map((id, i) => found(enterprises[i]) ?? found(links[i]) ?? scenarioById.get(id) ?? null);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Whatever has this id (an enterprise, supply link or saved scenario); null when nothing the caller may see has.',
  })
  @Allow(Role.VIEWER)
  async node(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: NodeContext): Promise<NodeRecord | null> {
    return (await findNodes([id], ctx))[0];
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'What node(id:) answers for each id, in the order given: null where nothing the caller may see has the id.',
  })
  @Allow(Role.VIEWER)
  nodes(@Args(() => NodesArgs) { ids }: NodesArgs, @Ctx() ctx: NodeContext): Promise<(NodeRecord | null)[]> {
    return findNodes(ids, ctx);
  }
}
