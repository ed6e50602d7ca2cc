import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { ChainArgs, MAX_PATHS, PathsArgs } from './chain.args';
import type { ChainService } from './chain.service';
import { Chain, type SupplyPath, SupplyPathConnection } from './chain.type';

/** What the chain resolver reads of the request context. */
export interface ChainContext {
  services: { chains: ChainService };
}

@Resolver()
export class ChainResolver {
  @Query(() => Chain, {
    nullable: true,
    description: 'The chain around an enterprise within maxDepth hops, each node with its tier for layout.',
  })
  @Allow(Role.VIEWER)
  chain(@Args(() => ChainArgs) args: ChainArgs, @Ctx() ctx: ChainContext): Promise<Chain> {
    return ctx.services.chains.chain({ ...args, products: args.products ?? null });
  }

  @Query(() => SupplyPathConnection, {
    nullable: true,
    description:
      'The shortest supply paths from one enterprise down to another along which goods can flow: goods entering ' +
      'a market, trade firm or logistics node as one product leave it as that product. In the order of their link ' +
      `ids, at most ${MAX_PATHS} found, a page at a time.`,
  })
  @Allow(Role.VIEWER)
  paths(@Args(() => PathsArgs) args: PathsArgs, @Ctx() ctx: ChainContext): Promise<Page<SupplyPath>> {
    return ctx.services.chains.paths(args.fromId, args.toId, args.maxDepth, args);
  }
}
