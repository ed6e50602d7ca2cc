import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { SupplyLinkLoaders } from '../supply-link/supply-link.loaders';
import type { ImpactService } from './impact.service';
import { badUserInput } from '../../platform/graphql/user-errors';
import { toEnterpriseCriteria } from '../enterprise/to-enterprise-criteria';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { pageOfList } from '../../platform/graphql/pagination/cursor';
import { SupplyLink } from '../supply-link/supply-link.type';
import { toSupplyLinkCriteria } from '../supply-link/to-supply-link-criteria';
import { AlternativeRoute, AlternativeSupplier } from './alternatives.type';
import { CriticalEnterprise, CriticalLink } from './critical.type';
import { AlternativeRoutesArgs, AlternativeSuppliersArgs, CriticalEnterprisesArgs, CriticalLinksArgs } from './impact.args';
import { AffectedEnterprise, AffectedEnterpriseConnection, ImpactGraph, ImpactReport, ImpactSummary } from './impact-report.type';
import { ResumptionStep } from './resumption-step.type';
import { ScenarioInput } from './scenario.input';
import { toScenario } from './to-scenario';

/** What the impact resolvers read of the request context. */
export interface ImpactContext {
  services: { impact: ImpactService };
  loaders: EnterpriseLoaders & SupplyLinkLoaders;
}

/** Loads records by id in the order given, failing loudly on one that vanished. */
async function loadAll<T>(loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> }, ids: readonly string[]): Promise<T[]> {
  const found = await loader.loadMany(ids);
  return found.map((item, i) => {
    if (item === null || item instanceof Error) throw item ?? new Error(`"${ids[i]}" vanished from the graph`);
    return item;
  });
}

@Resolver()
export class ImpactResolver {
  @Query(() => ImpactReport, {
    description: 'Who stalls, how much output is lost, and when, if the scenario’s links, enterprises, regions or modes are blocked. Never writes.',
  })
  impact(@Arg('scenario', () => ScenarioInput) scenario: ScenarioInput, @Ctx() ctx: ImpactContext): Promise<ImpactReport> {
    return ctx.services.impact.impact(toScenario(scenario));
  }

  @Query(() => [CriticalLink], { description: 'Single points of failure among links, ranked by the exact impact of blocking each alone.' })
  async criticalLinks(@Args(() => CriticalLinksArgs) args: CriticalLinksArgs, @Ctx() ctx: ImpactContext): Promise<CriticalLink[]> {
    const ranked = await ctx.services.impact.criticalLinks(
      toSupplyLinkCriteria(args.filter),
      args.top,
      args.measure,
      args.includeCurrentState,
    );
    const links = await loadAll<SupplyLinkRecord>(ctx.loaders.link, ranked.map((r) => r.id));
    return ranked.map((r, i) => ({ link: links[i], stalledCount: r.stalledCount, lostDailyOutput: r.lostDailyOutput }));
  }

  @Query(() => [CriticalEnterprise], { description: 'Single points of failure among enterprises, ranked by the exact impact of taking each down alone.' })
  async criticalEnterprises(@Args(() => CriticalEnterprisesArgs) args: CriticalEnterprisesArgs, @Ctx() ctx: ImpactContext): Promise<CriticalEnterprise[]> {
    const ranked = await ctx.services.impact.criticalEnterprises(
      args.filter ? toEnterpriseCriteria(args.filter) : null,
      args.top,
      args.measure,
      args.includeCurrentState,
    );
    const enterprises = await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, ranked.map((r) => r.id));
    return ranked.map((r, i) => ({ enterprise: enterprises[i], stalledCount: r.stalledCount, lostDailyOutput: r.lostDailyOutput }));
  }

  @Query(() => [AlternativeSupplier], {
    description: 'Enterprises still running in the scenario that ship the product to others: same region first, then capacity, then distance.',
  })
  async alternativeSuppliers(@Args(() => AlternativeSuppliersArgs) args: AlternativeSuppliersArgs, @Ctx() ctx: ImpactContext): Promise<AlternativeSupplier[]> {
    const found = await ctx.services.impact.alternativeSuppliers(args.enterpriseId, args.product, toScenario(args.scenario), args.limit);
    const enterprises = await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, found.map((s) => s.id));
    return found.map((s, i) => ({ ...s, enterprise: enterprises[i] }));
  }

  @Query(() => [AlternativeRoute], { description: 'Routes of the product that still deliver in the scenario, through logistics nodes of any mode.' })
  async alternativeRoutes(@Args(() => AlternativeRoutesArgs) args: AlternativeRoutesArgs, @Ctx() ctx: ImpactContext): Promise<AlternativeRoute[]> {
    const routes = await ctx.services.impact.alternativeRoutes(args.fromId, args.toId, args.product, toScenario(args.scenario), args.maxHops, args.limit);
    return Promise.all(
      routes.map(async (route) => ({
        enterprises: await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, route.enterpriseIds),
        links: await loadAll<SupplyLinkRecord>(ctx.loaders.link, route.linkIds),
        modes: route.modes as AlternativeRoute['modes'],
      })),
    );
  }

  @Query(() => [ResumptionStep], {
    description: 'Under the current real state: the order of reopening blocked links and restarting stalled enterprises that recovers the most lost output first.',
  })
  async resumptionPlan(
    @Arg('top', () => Int, { defaultValue: 10 }) top: number,
    @Ctx() ctx: ImpactContext,
  ): Promise<ResumptionStep[]> {
    const steps = await ctx.services.impact.resumptionPlan(top);
    return steps.map((s, i) => ({ ...s, step: i + 1 }) as ResumptionStep);
  }
}

@Resolver(() => ImpactReport)
export class ImpactReportResolver {
  @FieldResolver(() => [ImpactSummary], { description: 'Per enterprise kind, most lost output first.' })
  byKind(@Root() report: ImpactReport, @Ctx() ctx: ImpactContext): ImpactSummary[] {
    return ctx.services.impact.summaries(report, 'KIND');
  }

  @FieldResolver(() => [ImpactSummary], { description: 'Per region, most lost output first.' })
  byRegion(@Root() report: ImpactReport, @Ctx() ctx: ImpactContext): ImpactSummary[] {
    return ctx.services.impact.summaries(report, 'REGION');
  }

  @FieldResolver(() => AffectedEnterpriseConnection, { description: 'Stalled enterprises: stalled first by day, then id.' })
  stalled(
    @Root() report: ImpactReport,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Page<AffectedEnterprise> {
    return pageOfList(report.result.affected.filter((a) => a.stalled), first, after);
  }

  @FieldResolver(() => AffectedEnterpriseConnection, { description: 'Enterprises that keep running with less output.' })
  partial(
    @Root() report: ImpactReport,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Page<AffectedEnterprise> {
    return pageOfList(report.result.affected.filter((a) => a.partial), first, after);
  }

  @FieldResolver(() => ImpactGraph, { description: 'The affected subgraph for drawing, capped at maxNodes enterprises.' })
  graph(@Root() report: ImpactReport, @Arg('maxNodes', () => Int, { defaultValue: 300 }) maxNodes: number): ImpactGraph {
    if (maxNodes < 1 || maxNodes > 2_000) throw badUserInput('maxNodes must be from 1 to 2000', [{ path: 'maxNodes', message: 'must be from 1 to 2000' }]);
    const cap = maxNodes;
    const nodes = report.result.affected.slice(0, cap);
    const drawn = new Set(nodes.map((n) => n.index));
    const { graph } = report;
    const sources = new Set<number>();
    const linkIds: string[] = [];
    for (const l of report.result.failedLinks) {
      if (!drawn.has(graph.linkTo[l])) continue;
      linkIds.push(graph.linkId(l));
      if (!drawn.has(graph.linkFrom[l])) sources.add(graph.linkFrom[l]);
    }
    return {
      nodes,
      sourceIds: [...sources].map((v) => graph.enterpriseId(v)),
      linkIds,
      truncated: report.result.affected.length > cap,
    };
  }
}

@Resolver(() => AffectedEnterprise)
export class AffectedEnterpriseResolver {
  @FieldResolver(() => Enterprise)
  async enterprise(@Root() affected: AffectedEnterprise, @Ctx() ctx: ImpactContext): Promise<EnterpriseRecord> {
    const [record] = await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, [affected.id]);
    return record;
  }
}

@Resolver(() => ImpactGraph)
export class ImpactGraphResolver {
  @FieldResolver(() => [SupplyLink], { description: 'Links that deliver in the baseline and not in the scenario, into drawn enterprises.' })
  links(@Root() drawing: ImpactGraph, @Ctx() ctx: ImpactContext): Promise<SupplyLinkRecord[]> {
    return loadAll<SupplyLinkRecord>(ctx.loaders.link, drawing.linkIds);
  }
}
