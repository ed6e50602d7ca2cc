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
import { pageOfRange } from '../../platform/graphql/pagination/cursor';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { SupplyLink } from '../supply-link/supply-link.type';
import { toLinkFilter } from '../supply-link/link-filter.input';
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
import { scopedRows } from './scenario-scope';
import type { RankingRequest } from './impact-computations';
import { ResumptionStepType } from './resumption-step.type';
import { ScenarioInput } from './scenario.input';
import { toScenario } from './to-scenario';
import { builtPage, fieldsUnder, impactNeeds, prepared } from './impact-needs';

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

/** The ranking arguments as the engine takes them. */
function rankingRequest(args: CriticalLinksArgs | CriticalEnterprisesArgs): RankingRequest {
  return {
    top: args.top,
    measure: args.measure,
    includeCurrentState: args.includeCurrentState,
    durationDays: args.durationDays ?? null,
  };
}

/** One page of a report's stalled or partial enterprises, from the rows the job built for it. */
function pageOfGroup(report: ImpactReport, group: 'STALLED' | 'PARTIAL', page: PageArgs): Page<AffectedEnterpriseType> {
  const total = group === 'STALLED' ? report.stalledCount : report.partialCount;
  return pageOfRange(total, page, (start, count) => {
    const built = builtPage(report.answer.pages, (p) => p.group === group, start, count, group);
    return scopedRows(report, built.rows.slice(0, count));
  });
}

@Resolver()
export class ImpactResolver {
  @Query(() => ImpactReport, {
    nullable: true,
    description:
      'Who stalls, how much output is lost, and when, ' +
      'if the scenario’s links, enterprises, regions or modes are blocked. Never writes.',
  })
  @Allow(Role.ANALYST)
  impact(
    @Arg('scenario', () => ScenarioInput, { description: 'What to block.' }) scenario: ScenarioInput,
    @Ctx() ctx: ImpactContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImpactReport> {
    return ctx.services.impact.impact(toScenario(scenario), impactNeeds(info));
  }

  @Query(() => [CriticalLink], {
    nullable: true,
    description: 'Single points of failure among links, ranked by the exact impact of blocking each alone.',
  })
  @Allow(Role.ANALYST)
  async criticalLinks(
    @Args(() => CriticalLinksArgs) args: CriticalLinksArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<CriticalLink[]> {
    const ranked = await ctx.services.impact.criticalLinks(
      { ...toSupplyLinkCriteria(args.filter), where: args.where ? toLinkFilter(args.where) : null },
      rankingRequest(args),
    );
    const links = await loadAll<SupplyLinkRecord>(
      ctx.loaders.link,
      ranked.map((r) => r.id),
    );
    return ranked.map((r, i) => ({ link: links[i], stalledCount: r.stalledCount, lostOutputValue: r.lostOutputValue }));
  }

  @Query(() => [CriticalEnterprise], {
    nullable: true,
    description: 'Single points of failure among enterprises, ranked by the exact impact of taking each down alone.',
  })
  @Allow(Role.ANALYST)
  async criticalEnterprises(
    @Args(() => CriticalEnterprisesArgs) args: CriticalEnterprisesArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<CriticalEnterprise[]> {
    const ranked = await ctx.services.impact.criticalEnterprises(
      args.filter ? toEnterpriseCriteria(args.filter) : null,
      rankingRequest(args),
    );
    const enterprises = await loadAll<EnterpriseRecord>(
      ctx.loaders.enterprise,
      ranked.map((r) => r.id),
    );
    return ranked.map((r, i) => ({
      enterprise: enterprises[i],
      stalledCount: r.stalledCount,
      lostOutputValue: r.lostOutputValue,
    }));
  }

  @Query(() => [AlternativeSupplierType], {
    nullable: true,
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
      args.id,
      args.product,
      toScenario(args.scenario),
      args.first,
    );
    const enterprises = await loadAll<EnterpriseRecord>(
      ctx.loaders.enterprise,
      found.map((s) => s.id),
    );
    return found.map((s, i) => ({ ...s, enterprise: enterprises[i] }));
  }

  @Query(() => [AlternativeRouteType], {
    nullable: true,
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
      args.first,
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
    nullable: true,
    description:
      'The order of reopening the blocked links and restarting the stalled or closed enterprises of the current ' +
      'state that brings back the most lost output value first, each enterprise running at its capacityRecovery.',
  })
  @Allow(Role.ANALYST)
  async resumptionPlan(
    @Args(() => ResumptionPlanArgs) args: ResumptionPlanArgs,
    @Ctx() ctx: ImpactContext,
  ): Promise<ResumptionStepType[]> {
    const steps = await ctx.services.impact.resumptionPlan(args.top, args.includeCurrentState);
    const idsOf = (kind: string) => steps.filter((s) => s.kind === kind).map((s) => s.id);
    const [links, enterprises] = await Promise.all([
      loadAll<SupplyLinkRecord>(ctx.loaders.link, idsOf('LINK')),
      loadAll<EnterpriseRecord>(ctx.loaders.enterprise, idsOf('ENTERPRISE')),
    ]);
    const linkById = new Map(links.map((l) => [l.id, l]));
    const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
    return steps.map((s, i) => ({
      step: i + 1,
      kind: s.kind,
      link: s.kind === 'LINK' ? linkById.get(s.id)! : null,
      enterprise: s.kind === 'ENTERPRISE' ? enterpriseById.get(s.id)! : null,
      recoveredOutputValue: s.recoveredOutputValue,
      cumulativeRecoveredOutputValue: s.cumulativeRecoveredOutputValue,
      restartedCount: s.restartedCount,
    }));
  }
}

@Resolver(() => ImpactReport)
export class ImpactReportResolver {
  @FieldResolver(() => [ImpactSummaryType], { description: 'Per enterprise kind, most lost output value first.' })
  byKind(@Root() report: ImpactReport): ImpactSummaryType[] {
    return prepared(report.answer.summaries.KIND, 'the summary by kind');
  }

  @FieldResolver(() => [ImpactSummaryType], { description: 'Per region, most lost output value first.' })
  byRegion(@Root() report: ImpactReport): ImpactSummaryType[] {
    return prepared(report.answer.summaries.REGION, 'the summary by region');
  }

  @FieldResolver(() => AffectedEnterpriseConnection, {
    description: 'Stalled enterprises: stalled first by day, then id.',
  })
  stalled(@Root() report: ImpactReport, @Args(() => PageArgs) page: PageArgs): Page<AffectedEnterpriseType> {
    return pageOfGroup(report, 'STALLED', page);
  }

  @FieldResolver(() => AffectedEnterpriseConnection, { description: 'Enterprises that keep running with less output.' })
  partial(@Root() report: ImpactReport, @Args(() => PageArgs) page: PageArgs): Page<AffectedEnterpriseType> {
    return pageOfGroup(report, 'PARTIAL', page);
  }

  @FieldResolver(() => ImpactGraph, {
    description: 'The affected subgraph for drawing, capped at maxNodes enterprises.',
  })
  graph(@Root() report: ImpactReport, @Args(() => ImpactGraphArgs) args: ImpactGraphArgs): ImpactGraph {
    const { maxNodes: _maxNodes, ...drawing } = prepared(
      report.answer.drawings.find((d) => d.maxNodes === args.maxNodes),
      `a drawing of ${args.maxNodes} nodes`,
    );
    return { ...drawing, nodes: scopedRows(report, drawing.nodes) };
  }
}

/** True when a field of an enterprise asks for nothing of it but its id. */
function asksOnlyId(info: GraphQLResolveInfo): boolean {
  return fieldsUnder(info, info.fieldNodes).every(
    (field) => field.name.value === 'id' || field.name.value === '__typename',
  );
}

@Resolver(() => AffectedEnterpriseType)
export class AffectedEnterpriseResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise itself.' })
  async enterprise(
    @Root() affected: AffectedEnterpriseType,
    @Ctx() ctx: ImpactContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Pick<EnterpriseRecord, 'id'>> {
    // Only its id (a list of who stalls): the row has it, as of the answer's graph version; Neo4j is not read.
    if (asksOnlyId(info)) return { id: affected.enterpriseId };
    const [record] = await loadAll<EnterpriseRecord>(ctx.loaders.enterprise, [affected.enterpriseId]);
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

  @FieldResolver(() => [Enterprise], {
    description:
      'Enterprises upstream of the affected ones that the drawn links start from (blocked or still running), ' +
      'in the order of sourceIds.',
  })
  sources(@Root() drawing: ImpactGraph, @Ctx() ctx: ImpactContext): Promise<EnterpriseRecord[]> {
    return loadAll<EnterpriseRecord>(ctx.loaders.enterprise, drawing.sourceIds);
  }
}
