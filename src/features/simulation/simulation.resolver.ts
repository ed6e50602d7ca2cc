import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { pageOfRange } from '../../platform/graphql/pagination/cursor';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import { Enterprise } from '../enterprise/enterprise.type';
import { scopedId } from '../impact/scenario-scope';
import { trajectoryPages } from './simulation-needs';
import { toSimulationInput } from './simulation-timeline';
import { SimulationInputType } from './simulation.input';
import type { SimulationService } from './simulation.service';
import {
  EnterpriseTrajectoryConnection,
  EnterpriseTrajectoryType,
  SimulationResultType,
  WatchedSeriesType,
} from './simulation.type';

/** What the simulation resolvers read of the request context. */
export interface SimulationContext {
  services: { simulation: SimulationService };
  loaders: EnterpriseLoaders;
}

/** The enterprise of a simulation row: it was in the snapshot the simulation ran on. */
async function enterpriseOf(ctx: SimulationContext, id: string): Promise<EnterpriseRecord> {
  const record = await ctx.loaders.enterprise.load(id);
  if (!record) throw new Error(`"${id}" vanished from the graph`);
  return record;
}

@Resolver()
export class SimulationResolver {
  @Query(() => SimulationResultType, {
    description:
      'Day by day over a horizon: blocks that start and end, capacity coming back in steps, stocks running ' +
      'down and refilling. Per day the counts and lost value (direct and indirect), per enterprise its trajectory. ' +
      'Never writes.',
  })
  @Allow(Role.ANALYST)
  simulate(
    @Arg('input', () => SimulationInputType) input: SimulationInputType,
    @Ctx() ctx: SimulationContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SimulationResultType> {
    return ctx.services.simulation.simulate(toSimulationInput(input), trajectoryPages(info));
  }
}

@Resolver(() => SimulationResultType)
export class SimulationResultResolver {
  @FieldResolver(() => EnterpriseTrajectoryConnection, {
    description:
      'Every enterprise stalled or partial on some day: by first affected day, then largest cumulative loss.',
  })
  async trajectories(
    @Root() report: SimulationResultType,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SimulationContext,
  ): Promise<Page<EnterpriseTrajectoryType>> {
    // The first pass checks the arguments and says which rows the page holds; the second fills them in.
    const total = report.answer.trajectoryCount;
    let wanted: [number, number] = [0, 0];
    pageOfRange(total, page.first, page.after, (start, count) => {
      wanted = [start, count];
      return [];
    });
    const rows = wanted[1] > 0 ? await ctx.services.simulation.trajectories(report, ...wanted) : [];
    return pageOfRange(total, page.first, page.after, () => rows);
  }

  @FieldResolver(() => [WatchedSeriesType], {
    description: 'The watched enterprises’ fractions on every day, in the order first named.',
  })
  watched(@Root() report: SimulationResultType): WatchedSeriesType[] {
    return report.answer.watched.map(({ id, baselineFraction, series }) => ({
      id: scopedId(report.scope, id),
      enterpriseId: id,
      baselineFraction,
      series,
    }));
  }
}

@Resolver(() => EnterpriseTrajectoryType)
export class EnterpriseTrajectoryResolver {
  @FieldResolver(() => Enterprise)
  enterprise(@Root() row: EnterpriseTrajectoryType, @Ctx() ctx: SimulationContext): Promise<EnterpriseRecord> {
    return enterpriseOf(ctx, row.enterpriseId);
  }
}

@Resolver(() => WatchedSeriesType)
export class WatchedSeriesResolver {
  @FieldResolver(() => Enterprise)
  enterprise(@Root() row: WatchedSeriesType, @Ctx() ctx: SimulationContext): Promise<EnterpriseRecord> {
    return enterpriseOf(ctx, row.enterpriseId);
  }
}
