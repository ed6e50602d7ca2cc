import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import { toEnterpriseCriteria } from '../enterprise/to-enterprise-criteria';
import { RecoveryAtArgs, RecoveryTimelineArgs } from './recovery.args';
import type { RecoveryService } from './recovery.service';
import { RecoveryGroup, RecoveryTimeline } from './recovery.type';

/** What the recovery resolver reads of the request context. */
export interface RecoveryContext {
  services: { recovery: RecoveryService };
}

@Resolver()
export class RecoveryResolver {
  @Query(() => [RecoveryGroup], {
    nullable: true,
    description: 'How far recovery has come, per region, kind or park: now, or at a past moment.',
  })
  @Allow(Role.VIEWER)
  recovery(@Args(() => RecoveryAtArgs) args: RecoveryAtArgs, @Ctx() ctx: RecoveryContext): Promise<RecoveryGroup[]> {
    return ctx.services.recovery.recovery(args.groupBy, toEnterpriseCriteria(args.filter), args.at);
  }

  @Query(() => [RecoveryTimeline], {
    nullable: true,
    description: 'Recovery per group over time, replayed from the status history.',
  })
  @Allow(Role.VIEWER)
  recoveryTimeline(
    @Args(() => RecoveryTimelineArgs) args: RecoveryTimelineArgs,
    @Ctx() ctx: RecoveryContext,
  ): Promise<RecoveryTimeline[]> {
    return ctx.services.recovery.timeline(
      args.groupBy,
      toEnterpriseCriteria(args.filter),
      new Date(args.from),
      new Date(args.to),
      args.interval,
    );
  }
}
