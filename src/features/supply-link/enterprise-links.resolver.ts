import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import { Enterprise } from '../enterprise/enterprise.type';
import { ProductArgs } from './supply-link.args';
import type { SupplyLinkLoaders } from './supply-link.loaders';
import type { SupplyLinkRecord } from './supply-link.record';
import { SupplyLinkConnection } from './supply-link-connection.type';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { pageOfList } from '../../platform/graphql/pagination/cursor';

/** What the enterprise links resolver reads of the request context. */
export interface EnterpriseLinksContext {
  loaders: SupplyLinkLoaders;
}

/** A page of an enterprise's links in id order, of one product when `product` is set. */
const pageOfLinks = (links: SupplyLinkRecord[], args: ProductArgs): Page<SupplyLinkRecord> =>
  pageOfList(args.product ? links.filter((link) => link.product === args.product) : links, args);

/** An enterprise's suppliers and customers: fields of Enterprise this feature owns, so enterprise needs no links. */
@Resolver(() => Enterprise)
export class EnterpriseLinksResolver {
  @FieldResolver(() => SupplyLinkConnection, {
    description: 'Inbound links in id order: who supplies this enterprise, optionally of one product.',
  })
  async suppliers(
    @Root() enterprise: EnterpriseRecord,
    @Args(() => ProductArgs) args: ProductArgs,
    @Ctx() ctx: EnterpriseLinksContext,
  ): Promise<Page<SupplyLinkRecord>> {
    return pageOfLinks(await ctx.loaders.inbound.load(enterprise.id), args);
  }

  @FieldResolver(() => SupplyLinkConnection, {
    description: 'Outbound links in id order: whom this enterprise supplies, optionally of one product.',
  })
  async customers(
    @Root() enterprise: EnterpriseRecord,
    @Args(() => ProductArgs) args: ProductArgs,
    @Ctx() ctx: EnterpriseLinksContext,
  ): Promise<Page<SupplyLinkRecord>> {
    return pageOfLinks(await ctx.loaders.outbound.load(enterprise.id), args);
  }
}
