import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import { Enterprise } from '../enterprise/enterprise.type';
import { ProductArgs } from './supply-link.args';
import type { SupplyLinkLoaders } from './supply-link.loaders';
import type { SupplyLinkRecord } from './supply-link.record';
import { SupplyLink } from './supply-link.type';

/** What the enterprise links resolver reads of the request context. */
export interface EnterpriseLinksContext {
  loaders: SupplyLinkLoaders;
}

const ofProduct = (links: SupplyLinkRecord[], product: string | null | undefined) =>
  product ? links.filter((link) => link.product === product) : links;

/** An enterprise's suppliers and customers: fields of Enterprise this feature owns, so enterprise needs no links. */
@Resolver(() => Enterprise)
export class EnterpriseLinksResolver {
  @FieldResolver(() => [SupplyLink], {
    description: 'Inbound links: who supplies this enterprise, optionally of one product.',
  })
  async suppliers(
    @Root() enterprise: EnterpriseRecord,
    @Args(() => ProductArgs) { product }: ProductArgs,
    @Ctx() ctx: EnterpriseLinksContext,
  ): Promise<SupplyLinkRecord[]> {
    return ofProduct(await ctx.loaders.inbound.load(enterprise.id), product);
  }

  @FieldResolver(() => [SupplyLink], {
    description: 'Outbound links: whom this enterprise supplies, optionally of one product.',
  })
  async customers(
    @Root() enterprise: EnterpriseRecord,
    @Args(() => ProductArgs) { product }: ProductArgs,
    @Ctx() ctx: EnterpriseLinksContext,
  ): Promise<SupplyLinkRecord[]> {
    return ofProduct(await ctx.loaders.outbound.load(enterprise.id), product);
  }
}
