import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/request-context';
import { ChainArgs, PathsArgs } from './chain.args';
import { Chain, SupplyPath } from './chain.type';

@Resolver()
export class ChainResolver {
  @Query(() => Chain, { description: 'The chain around an enterprise within maxDepth hops, each node with its tier for layout.' })
  chain(@Args(() => ChainArgs) args: ChainArgs, @Ctx() ctx: RequestContext): Promise<Chain> {
    return ctx.services.chains.chain({ ...args, products: args.products ?? null });
  }

  @Query(() => [SupplyPath], { description: 'The shortest supply paths from one enterprise down to another.' })
  paths(@Args(() => PathsArgs) args: PathsArgs, @Ctx() ctx: RequestContext): Promise<SupplyPath[]> {
    return ctx.services.chains.paths(args.fromId, args.toId, args.maxDepth);
  }
}
