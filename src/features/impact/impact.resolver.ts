import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import { Role } from '../../platform/auth/role';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { SupplyLinkLoaders } from '../supply-link/supply-link.loaders';
import type { ImpactService } from './impact.service';
import { toEnterpriseCriteria } from '../enterprise/to-enterprise-criteria';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { pageOfSlice, pageStart } from '../../platform/graphql/pagination/cursor';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { SupplyLink } from '../supply-link/supply-link.type';
import { toSupplyLinkCriteria } from '../supply-link/to-supply-link-criteria';
import { AlternativeRouteType, AlternativeSupplierType } from './alternatives.type';
import { CriticalEnterprise, CriticalLink } from './critical.type';
import {
  AlternativeRoutesArgs,
  AlternativeSuppliersArgs,
  CriticalEnterprisesArgs,
  CriticalLinksArgs,
  ImpactGraphArgs,
  ResumptionPlanArgs,
} from './impact.args';
import {
  AffectedEnterpriseType,
  AffectedEnterpriseConnection,
  ImpactGraph,
  ImpactReport,
  ImpactSummaryType,
} from './impact-report.type';
import { ResumptionStepType } from './resumption-step.type';
import { ScenarioInput } from './scenario.input';
import { toScenario } from './to-scenario';
import { impactNeeds } from './impact-needs';

/** What the impact resolvers read of the request context. */
export interface ImpactContext {
  services: { impact: ImpactService };
  loaders: EnterpriseLoaders & SupplyLinkLoaders;
}

/** Loads records by id in the order given, failing loudly on one that vanished. */
async function loadAll<T>(
  loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly string[],
): Promise<T[]> {
  const found = await loader.loadMany(ids);
  return found.map((item, i) => {
    if (item === null || item instanceof Error) throw item ?? new Error(`"${ids[i]}" vanished from the graph`);
    return item;
  });
}

@Resolver()
export class ImpactResolver {
  @Query(() => ImpactReport, {
    description:
      'Who stalls, how much output is lost, and when, ' +
      'if the scenario’s links, enterprises, regions or modes are blocked. Never writes.',
  })
  @Allow(Role.ANALYST)
  impact(
    @Arg('scenario', () => ScenarioInput) scenario: ScenarioInput,
    @Ctx() ctx: ImpactContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImpactReport> {
    return ctx.services.impact.impact(toScenario(scenario), impactNeeds(info));
  }

  @Query(() => [CriticalLink], {
    description: 'Single points of failure among links, ranked by the exact impact of blocking each alone.',
  })
  @Allow(Role.ANALYST)
  async criticalLinks(
    @Args(() => CriticalLinksArgs) args: CriticalLinksArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<CriticalLink[]> {
    const ranked = await ctx.services.impact.criticalLinks(
      toSupplyLinkCriteria(args.filter),
      args.top,
      args.measure,
      args.includeCurrentState,
    );
    const links = await loadAll<SupplyLinkRecord>(
      ctx.loaders.link,
      ranked.map((r) => r.id),
    );
    return ranked.map((r, i) => ({ link: links[i], stalledCount: r.stalledCount, lostDailyOutput: r.lostDailyOutput }));
  }

  @Query(() => [CriticalEnterprise], {
    description: 'Single points of failure among enterprises, ranked by the exact impact of taking each down alone.',
  })
  @Allow(Role.ANALYST)
  async criticalEnterprises(
    @Args(() => CriticalEnterprisesArgs) args: CriticalEnterprisesArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<CriticalEnterprise[]> {
    const ranked = await ctx.services.impact.criticalEnterprises(
      args.filter ? toEnterpriseCriteria(args.filter) : null,
      args.top,
      args.measure,
      args.includeCurrentState,
    );
    const enterprises = await loadAll<EnterpriseRecord>(
      ctx.loaders.enterprise,
      ranked.map((r) => r.id),
    );
    return ranked.map((r, i) => ({
      enterprise: enterprises[i],
      stalledCount: r.stalledCount,
      lostDailyOutput: r.lostDailyOutput,
    }));
  }

  @Query(() => [AlternativeSupplierType], {
    description:
      'Enterprises still running in the scenario that ship the product to others: ' +
      'same region first, then capacity, then distance.',
  })
  @Allow(Role.ANALYST)
  async alternativeSuppliers(
    @Args(() => AlternativeSuppliersArgs) args: AlternativeSuppliersArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<AlternativeSupplierType[]> {
    const found = await ctx.services.impact.alternativeSuppliers(
      args.enterpriseId,
      args.product,
      toScenario(args.scenario),
      args.limit,
    );
    const enterprises = await loadAll<EnterpriseRecord>(
      ctx.loaders.enterprise,
      found.map((s) => s.id),
    );
    return found.map((s, i) => ({ ...s, enterprise: enterprises[i] }));
  }

  @Query(() => [AlternativeRouteType], {
    description: 'Routes of the product that still deliver in the scenario, through logistics nodes of any mode.',
  })
  @Allow(Role.ANALYST)
  async alternativeRoutes(
    @Args(() => AlternativeRoutesArgs) args: AlternativeRoutesArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<AlternativeRouteType[]> {
    const routes = await ctx.services.impact.alternativeRoutes(
      args.fromId,
      args.toId,
      args.product,
      toScenario(args.scenario),
      args.maxHops,
      args.limit,
    );
    return Promise.all(
      routes.map(async (route) => ({
        enterprises: await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, route.enterpriseIds),
        links: await loadAll<SupplyLinkRecord>(ctx.loaders.link, route.linkIds),
        modes: route.modes,
      })),
    );
  }

  @Query(() => [ResumptionStepType], {
    description:
      'Under the current real state: the order of reopening blocked links and restarting stalled enterprises ' +
      'that recovers the most lost output first.',
  })
  @Allow(Role.ANALYST)
  async resumptionPlan(
    @Args(() => ResumptionPlanArgs) args: ResumptionPlanArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<ResumptionStepType[]> {
    const steps = await ctx.services.impact.resumptionPlan(args.top);
    return steps.map((s, i) => ({ ...s, step: i + 1 }));
  }
}

/** A part of the answer the job was asked for; missing only if impactNeeds missed a field (a bug). */
function prepared<T>(part: T | undefined, what: string): T {
  if (part === undefined) throw new Error(`the impact job was not asked for ${what}`);
  return part;
}

function page(report: ImpactReport, group: 'STALLED' | 'PARTIAL', args: PageArgs): Page<AffectedEnterpriseType> {
  const start = pageStart(args.first, args.after);
  const found = report.answer.pages.find((p) => p.group === group && p.offset === start && p.limit === args.first);
  const { rows } = prepared(found, `${group} rows from ${start}`);
  const total = group === 'STALLED' ? report.stalledCount : report.partialCount;
  return pageOfSlice(rows, start, args.first, total);
}

@Resolver(() => ImpactReport)
export class ImpactReportResolver {
  @FieldResolver(() => [ImpactSummaryType], { description: 'Per enterprise kind, most lost output first.' })
  byKind(@Root() report: ImpactReport): ImpactSummaryType[] {
    return prepared(report.answer.summaries.KIND, 'the summary by kind');
  }

  @FieldResolver(() => [ImpactSummaryType], { description: 'Per region, most lost output first.' })
  byRegion(@Root() report: ImpactReport): ImpactSummaryType[] {
    return prepared(report.answer.summaries.REGION, 'the summary by region');
  }

  @FieldResolver(() => AffectedEnterpriseConnection, {
    description: 'Stalled enterprises: stalled first by day, then id.',
  })
  stalled(@Root() report: ImpactReport, @Args(() => PageArgs) args: PageArgs): Page<AffectedEnterpriseType> {
    return page(report, 'STALLED', args);
  }

  @FieldResolver(() => AffectedEnterpriseConnection, { description: 'Enterprises that keep running with less output.' })
  partial(@Root() report: ImpactReport, @Args(() => PageArgs) args: PageArgs): Page<AffectedEnterpriseType> {
    return page(report, 'PARTIAL', args);
  }

  @FieldResolver(() => ImpactGraph, {
    description: 'The affected subgraph for drawing, capped at maxNodes enterprises.',
  })
  graph(@Root() report: ImpactReport, @Args(() => ImpactGraphArgs) args: ImpactGraphArgs): ImpactGraph {
    const { maxNodes: _maxNodes, ...drawing } = prepared(
      report.answer.drawings.find((d) => d.maxNodes === args.maxNodes),
      `a drawing of ${args.maxNodes} nodes`,
    );
    return drawing;
  }
}

@Resolver(() => AffectedEnterpriseType)
export class AffectedEnterpriseResolver {
  @FieldResolver(() => Enterprise)
  async enterprise(@Root() affected: AffectedEnterpriseType, @Ctx() ctx: ImpactContext): Promise<EnterpriseRecord> {
    const [record] = await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, [affected.id]);
    return record;
  }
}

@Resolver(() => ImpactGraph)
export class ImpactGraphResolver {
  @FieldResolver(() => [SupplyLink], {
    description: 'Links that deliver in the baseline and not in the scenario, into drawn enterprises.',
  })
  links(@Root() drawing: ImpactGraph, @Ctx() ctx: ImpactContext): Promise<SupplyLinkRecord[]> {
    return loadAll<SupplyLinkRecord>(ctx.loaders.link, drawing.linkIds);
  }
}
