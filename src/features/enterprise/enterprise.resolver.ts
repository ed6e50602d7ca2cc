import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/request-context';
import { EnterpriseStatusChange } from '../history/status-change.type';
import { PASS_THROUGH } from '../vocabulary/enterprise-kind.enum';
import type { EnterpriseRecord } from './enterprise.record';
import type { StatusChangeRecord } from '../history/status-change.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { SupplyLink } from '../supply-link/supply-link.type';
import { EnterprisesArgs, SetEnterpriseStatusArgs } from './enterprise.args';
import { EnterpriseInput } from './enterprise.input';
import { Enterprise } from './enterprise.type';
import { toEnterpriseCriteria } from './to-enterprise-criteria';
import { EnterpriseConnection } from './enterprise-connection.type';
import { DeleteEnterpriseResult } from './delete-enterprise-result.type';

const ofProduct = (links: SupplyLinkRecord[], product: string | null | undefined) =>
  product ? links.filter((link) => link.product === product) : links;

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id; null when there is none.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<EnterpriseRecord | null> {
    return ctx.loaders.enterprise.load(id);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises in id order, a page at a time.' })
  enterprises(@Args(() => EnterprisesArgs) args: EnterprisesArgs, @Ctx() ctx: RequestContext): Promise<Page<EnterpriseRecord>> {
    return ctx.services.enterprises.page(toEnterpriseCriteria(args.filter), args.first, args.after ?? null);
  }

  @FieldResolver(() => Boolean, { description: 'True for MARKET, FOREIGN_TRADE and LOGISTICS, which forward goods product by product.' })
  passThrough(@Root() enterprise: EnterpriseRecord): boolean {
    return PASS_THROUGH.has(enterprise.kind);
  }

  @FieldResolver(() => [SupplyLink], { description: 'Inbound links: who supplies this enterprise, optionally of one product.' })
  async suppliers(
    @Root() enterprise: EnterpriseRecord,
    @Arg('product', () => String, { nullable: true }) product: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupplyLinkRecord[]> {
    return ofProduct(await ctx.loaders.inbound.load(enterprise.id), product);
  }

  @FieldResolver(() => [SupplyLink], { description: 'Outbound links: whom this enterprise supplies, optionally of one product.' })
  async customers(
    @Root() enterprise: EnterpriseRecord,
    @Arg('product', () => String, { nullable: true }) product: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupplyLinkRecord[]> {
    return ofProduct(await ctx.loaders.outbound.load(enterprise.id), product);
  }

  @FieldResolver(() => [EnterpriseStatusChange], { description: 'Dated status changes, newest first.' })
  statusHistory(@Root() enterprise: EnterpriseRecord, @Ctx() ctx: RequestContext): Promise<StatusChangeRecord[]> {
    return ctx.loaders.history.load(enterprise.id);
  }

  @Mutation(() => Enterprise, { description: 'Creates the enterprise, or replaces its properties when the id exists.' })
  upsertEnterprise(@Arg('input', () => EnterpriseInput) input: EnterpriseInput, @Ctx() ctx: RequestContext): Promise<EnterpriseRecord> {
    return ctx.services.enterprises.upsert(input);
  }

  @Mutation(() => DeleteEnterpriseResult, { description: 'Refused with CONFLICT while the enterprise has links, unless detach is true.' })
  deleteEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('detach', () => Boolean, { defaultValue: false }) detach: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<DeleteEnterpriseResult> {
    return ctx.services.enterprises.delete(id, detach);
  }

  @Mutation(() => Enterprise, { description: 'Records a status change and its dated history entry in one transaction.' })
  setEnterpriseStatus(@Args(() => SetEnterpriseStatusArgs) args: SetEnterpriseStatusArgs, @Ctx() ctx: RequestContext): Promise<EnterpriseRecord> {
    return ctx.services.enterprises.setStatus(args);
  }
}
