import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import { IdArgs } from '../vocabulary/id.args';
import type { RequestActor } from '../../platform/auth/request-actor';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { HistoryLoaders } from '../history/history.loaders';
import type { SupplyLinkLoaders } from './supply-link.loaders';
import type { SupplyLinkService } from './supply-link.service';
import { Enterprise } from '../enterprise/enterprise.type';
import { notFound } from '../../platform/graphql/user-errors';
import { LinkStatusChangeType } from '../history/status-change.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { StatusChangeRecord } from '../history/status-change.record';
import type { SupplyLinkRecord } from './supply-link.record';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { SetLinkStatusArgs, SupplyLinksArgs } from './supply-link.args';
import { SupplyLinkInput } from './supply-link.input';
import { SupplyLink } from './supply-link.type';
import { toLinkFilter } from './link-filter.input';
import { toSupplyLinkCriteria } from './to-supply-link-criteria';
import { SupplyLinkConnection } from './supply-link-connection.type';
import { DeleteSupplyLinkResult } from './delete-supply-link-result.type';
import { inventoryDaysOf, linkVolumeOf } from '../../engine';

/** What the supply link resolver reads of the request context. */
export interface SupplyLinkContext extends RequestActor {
  services: { links: SupplyLinkService };
  loaders: SupplyLinkLoaders & EnterpriseLoaders & HistoryLoaders;
}

@Resolver(() => SupplyLink)
export class SupplyLinkResolver {
  @Query(() => SupplyLink, { nullable: true, description: 'One supply link by id; null when there is none.' })
  @Allow(Role.VIEWER)
  supplyLink(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: SupplyLinkContext): Promise<SupplyLinkRecord | null> {
    return ctx.loaders.link.load(id);
  }

  @Query(() => SupplyLinkConnection, {
    nullable: true,
    description: 'Supply links in id order (or orderBy), a page at a time.',
  })
  @Allow(Role.VIEWER)
  supplyLinks(
    @Args(() => SupplyLinksArgs) args: SupplyLinksArgs,
    @Ctx() ctx: SupplyLinkContext,
  ): Promise<Page<SupplyLinkRecord>> {
    const criteria = { ...toSupplyLinkCriteria(args.filter), where: args.where ? toLinkFilter(args.where) : null };
    const order = { field: args.orderBy?.field ?? 'ID', direction: args.orderBy?.direction ?? 'ASC' } as const;
    return ctx.services.links.page(criteria, order, args);
  }

  @FieldResolver(() => Float, {
    description: 'Normal volume per day in `unit`; 1 when the data has none (what the engine computes with).',
  })
  volume(@Root() link: SupplyLinkRecord): number {
    return linkVolumeOf(link);
  }

  @FieldResolver(() => Float, {
    description:
      'Days the customer can run on its stock of this input; 0 when the data has none (what the engine computes with).',
  })
  inventoryDays(@Root() link: SupplyLinkRecord): number {
    return inventoryDaysOf(link);
  }

  @FieldResolver(() => ID, { description: 'Id of the supplier.' })
  fromId(@Root() link: SupplyLinkRecord): string {
    return link.from;
  }

  @FieldResolver(() => ID, { description: 'Id of the customer.' })
  toId(@Root() link: SupplyLinkRecord): string {
    return link.to;
  }

  @FieldResolver(() => Enterprise, { description: 'The supplier (upstream).' })
  async from(@Root() link: SupplyLinkRecord, @Ctx() ctx: SupplyLinkContext): Promise<EnterpriseRecord> {
    return (await ctx.loaders.enterprise.load(link.from)) ?? Promise.reject(notFound('Enterprise', link.from));
  }

  @FieldResolver(() => Enterprise, { description: 'The customer (downstream).' })
  async to(@Root() link: SupplyLinkRecord, @Ctx() ctx: SupplyLinkContext): Promise<EnterpriseRecord> {
    return (await ctx.loaders.enterprise.load(link.to)) ?? Promise.reject(notFound('Enterprise', link.to));
  }

  @FieldResolver(() => [LinkStatusChangeType], { description: 'Dated status changes, newest first.' })
  async statusHistory(
    @Root() link: SupplyLinkRecord,
    @Ctx() ctx: SupplyLinkContext,
  ): Promise<{ at: string; status: string; reason: string | null; by: string | null }[]> {
    const changes: StatusChangeRecord[] = await ctx.loaders.history.load(link.id);
    return changes.map((change) => ({ at: change.at, status: change.status, reason: change.note, by: change.actor }));
  }

  @Mutation(() => SupplyLink, {
    description: 'Creates the link, or replaces its properties (and endpoints) when the id exists.',
  })
  @Allow(Role.EDITOR)
  upsertSupplyLink(
    @Arg('input', () => SupplyLinkInput, { description: 'The link, every property.' }) input: SupplyLinkInput,
    @Ctx() ctx: SupplyLinkContext,
  ): Promise<SupplyLinkRecord> {
    return ctx.services.links.upsert(ctx.actor, input);
  }

  @Mutation(() => DeleteSupplyLinkResult, { description: 'Deletes a supply link; NOT_FOUND when there is none.' })
  @Allow(Role.ADMIN)
  deleteSupplyLink(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: SupplyLinkContext): Promise<DeleteSupplyLinkResult> {
    return ctx.services.links.delete(ctx.actor, id);
  }

  @Mutation(() => SupplyLink, {
    description: 'Records a status change and its dated history entry in one transaction.',
  })
  @Allow(Role.EDITOR)
  setLinkStatus(
    @Args(() => SetLinkStatusArgs) args: SetLinkStatusArgs,
    @Ctx() ctx: SupplyLinkContext,
  ): Promise<SupplyLinkRecord> {
    return ctx.services.links.setStatus(ctx.actor, args);
  }
}
