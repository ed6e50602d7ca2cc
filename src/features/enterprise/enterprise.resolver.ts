import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { RequestActor } from '../../platform/auth/request-actor';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import type { HistoryLoaders } from '../history/history.loaders';
import type { StatusChangeRecord } from '../history/status-change.record';
import { EnterpriseStatusChangeType } from '../history/status-change.type';
import { PASS_THROUGH_KINDS } from '../../engine';
import { DeleteEnterpriseResult } from './delete-enterprise-result.type';
import { IdArgs } from '../vocabulary/id.args';
import { DeleteEnterpriseArgs, EnterprisesArgs, SetEnterpriseStatusArgs } from './enterprise.args';
import { EnterpriseConnection } from './enterprise-connection.type';
import { EnterpriseInput } from './enterprise.input';
import type { EnterpriseLoaders } from './enterprise.loaders';
import type { EnterpriseRecord } from './enterprise.record';
import type { EnterpriseService } from './enterprise.service';
import { Enterprise } from './enterprise.type';
import { toEnterpriseCriteria } from './to-enterprise-criteria';

/** What the enterprise resolver reads of the request context. */
export interface EnterpriseContext extends RequestActor {
  services: { enterprises: EnterpriseService };
  loaders: EnterpriseLoaders & HistoryLoaders;
}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id; null when there is none.' })
  @Allow(Role.VIEWER)
  enterprise(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: EnterpriseContext): Promise<EnterpriseRecord | null> {
    return ctx.loaders.enterprise.load(id);
  }

  @Query(() => EnterpriseConnection, {
    nullable: true,
    description: 'Enterprises in id order (or orderBy), a page at a time.',
  })
  @Allow(Role.VIEWER)
  enterprises(
    @Args(() => EnterprisesArgs) args: EnterprisesArgs,
    @Ctx() ctx: EnterpriseContext,
  ): Promise<Page<EnterpriseRecord>> {
    const order = { field: args.orderBy?.field ?? 'ID', direction: args.orderBy?.direction ?? 'ASC' } as const;
    return ctx.services.enterprises.page(toEnterpriseCriteria(args.filter), order, args);
  }

  @FieldResolver(() => Boolean, {
    description: 'True for MARKET, FOREIGN_TRADE and LOGISTICS, which forward goods product by product.',
  })
  passThrough(@Root() enterprise: EnterpriseRecord): boolean {
    return PASS_THROUGH_KINDS.has(enterprise.kind);
  }

  @FieldResolver(() => [EnterpriseStatusChangeType], { description: 'Dated status changes, newest first.' })
  async statusHistory(
    @Root() enterprise: EnterpriseRecord,
    @Ctx() ctx: EnterpriseContext,
  ): Promise<(StatusChangeRecord & { by: string | null })[]> {
    const changes = await ctx.loaders.history.load(enterprise.id);
    return changes.map((change) => ({ ...change, by: change.actor }));
  }

  @Mutation(() => Enterprise, { description: 'Creates the enterprise, or replaces its properties when the id exists.' })
  @Allow(Role.EDITOR)
  upsertEnterprise(
    @Arg('input', () => EnterpriseInput, { description: 'The enterprise, every property.' }) input: EnterpriseInput,
    @Ctx() ctx: EnterpriseContext,
  ): Promise<EnterpriseRecord> {
    return ctx.services.enterprises.upsert(ctx.actor, input);
  }

  @Mutation(() => DeleteEnterpriseResult, {
    description: 'Refused with CONFLICT while the enterprise has links, unless detach is true.',
  })
  @Allow(Role.ADMIN)
  deleteEnterprise(
    @Args(() => DeleteEnterpriseArgs) args: DeleteEnterpriseArgs,
    @Ctx() ctx: EnterpriseContext,
  ): Promise<DeleteEnterpriseResult> {
    return ctx.services.enterprises.delete(ctx.actor, args.id, args.detach);
  }

  @Mutation(() => Enterprise, {
    description: 'Records a status change and its dated history entry in one transaction.',
  })
  @Allow(Role.EDITOR)
  setEnterpriseStatus(
    @Args(() => SetEnterpriseStatusArgs) args: SetEnterpriseStatusArgs,
    @Ctx() ctx: EnterpriseContext,
  ): Promise<EnterpriseRecord> {
    return ctx.services.enterprises.setStatus(ctx.actor, args);
  }
}
