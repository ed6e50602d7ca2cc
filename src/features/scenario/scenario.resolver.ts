import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../platform/auth/allow';
import type { RequestActor } from '../../platform/auth/request-actor';
import { Role, roleAtLeast } from '../../platform/auth/role';
import type { Page } from '../../platform/graphql/pagination/connection.type';
import { pageOfList, pageOfRange } from '../../platform/graphql/pagination/cursor';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import type { EnterpriseLoaders } from '../enterprise/enterprise.loaders';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import { Enterprise } from '../enterprise/enterprise.type';
import { ImpactReport } from '../impact/impact-report.type';
import { scopedRow } from '../impact/scenario-scope';
import { toScenario } from '../impact/to-scenario';
import { notFound } from '../../platform/graphql/user-errors';
import { IdArgs } from '../vocabulary/id.args';
import {
  ComparedEnterprise,
  ComparedEnterpriseConnection,
  SavedScenario,
  SavedScenarioConnection,
  ScenarioComparison,
  ScenarioRef,
} from './saved-scenario.type';
import { builtPage, fieldsNamed, impactNeeds } from '../impact/impact-needs';
import type { ComparisonPageNeed } from '../impact/impact.jobs';
import { comparisonPages } from './comparison-needs';
import { DeleteScenarioResult } from './delete-scenario-result.type';
import { SimulationResultType } from '../simulation/simulation.type';
import { trajectoryPages } from '../simulation/simulation-needs';
import { toSimulationTimeline } from '../simulation/simulation-timeline';
import { SaveScenarioArgs, ScenarioSimulationArgs } from './scenario.args';
import type { ScenarioOwner } from './scenario.repository';
import type { ScenarioService } from './scenario.service';

/** What the saved scenario resolver reads of the request context. */
export interface ScenarioContext extends RequestActor {
  services: { scenarios: ScenarioService };
  loaders: EnterpriseLoaders;
}

/** Analysts keep their own saved scenarios; editors and admins see and delete everyone's. */
function ownerSeenBy(ctx: ScenarioContext): ScenarioOwner {
  return roleAtLeast(ctx.principal.role, Role.EDITOR) ? null : ctx.actor;
}

@Resolver(() => SavedScenario)
export class ScenarioResolver {
  @Mutation(() => SavedScenario, {
    description:
      'Saves a what-if under a name, owned by the caller; its report is always computed on the current graph.',
  })
  @Allow(Role.ANALYST)
  saveScenario(
    @Args(() => SaveScenarioArgs) args: SaveScenarioArgs,
    @Ctx() ctx: ScenarioContext,
  ): Promise<SavedScenario> {
    return ctx.services.scenarios.save(
      ctx.actor,
      args.name,
      toScenario(args.scenario),
      args.note ?? null,
      args.timeline ? toSimulationTimeline(args.timeline) : null,
    );
  }

  @Mutation(() => DeleteScenarioResult, {
    description: 'Deletes a saved scenario: an analyst its own, an editor or admin any.',
  })
  @Allow(Role.ANALYST)
  deleteScenario(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: ScenarioContext): Promise<DeleteScenarioResult> {
    return ctx.services.scenarios.delete(ctx.actor, id, ownerSeenBy(ctx));
  }

  @Query(() => SavedScenarioConnection, {
    nullable: true,
    description: 'Saved scenarios, newest first: an analyst’s own, or everyone’s for an editor or admin.',
  })
  @Allow(Role.ANALYST)
  async scenarios(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: ScenarioContext): Promise<Page<SavedScenario>> {
    return pageOfList(await ctx.services.scenarios.list(ownerSeenBy(ctx)), page);
  }

  @Query(() => SavedScenario, {
    nullable: true,
    description: 'One saved scenario by id; null when there is none the caller may see.',
  })
  @Allow(Role.ANALYST)
  scenario(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: ScenarioContext): Promise<SavedScenario | null> {
    return ctx.services.scenarios.find(id, ownerSeenBy(ctx));
  }

  @Query(() => ScenarioComparison, {
    nullable: true,
    description: 'Who stalls in one scenario and not the other, on the same graph version.',
  })
  @Allow(Role.ANALYST)
  compareScenarios(
    @Arg('a', () => ScenarioRef, { description: 'The first scenario.' }) a: ScenarioRef,
    @Arg('b', () => ScenarioRef, { description: 'The second scenario, compared with a.' }) b: ScenarioRef,
    @Ctx() ctx: ScenarioContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ScenarioComparison> {
    const reference = (ref: ScenarioRef) => ({ id: ref.id, scenario: ref.scenario ? toScenario(ref.scenario) : null });
    const needs = (field: string) => impactNeeds(info, fieldsNamed(info, info.fieldNodes, field));
    return ctx.services.scenarios.compare(reference(a), reference(b), ownerSeenBy(ctx), {
      a: needs('a'),
      b: needs('b'),
      pages: comparisonPages(info),
    });
  }

  @FieldResolver(() => ImpactReport, { description: 'The scenario evaluated against the graph as it is now.' })
  report(
    @Root() saved: SavedScenario,
    @Ctx() ctx: ScenarioContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImpactReport> {
    return ctx.services.scenarios.report(saved, impactNeeds(info));
  }

  @FieldResolver(() => SimulationResultType, {
    nullable: true,
    description:
      'The timeline re-run on the graph as it is now, on top of the scenario’s blocks (from day 0, lifted on day ' +
      'ceil(durationDays) when set); null without a timeline.',
  })
  simulation(
    @Root() saved: SavedScenario,
    @Args(() => ScenarioSimulationArgs) args: ScenarioSimulationArgs,
    @Ctx() ctx: ScenarioContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SimulationResultType | null> {
    return ctx.services.scenarios.simulation(saved, args.watch ?? null, trajectoryPages(info));
  }
}

/** One page of a comparison group. */
function pageOfGroup(
  comparison: ScenarioComparison,
  group: ComparisonPageNeed['group'],
  page: PageArgs,
): Page<ComparedEnterprise> {
  const { counts, pages } = comparison.groups;
  return pageOfRange(counts[group], page, (start, count) =>
    // Each side's row under its own report's scope, as in impact answers.
    builtPage(pages, (p) => p.group === group, start, count, group)
      .rows.slice(0, count)
      .map((row) => ({
        ...row,
        inA: row.inA && scopedRow(comparison.a, row.inA),
        inB: row.inB && scopedRow(comparison.b, row.inB),
      })),
  );
}

@Resolver(() => ScenarioComparison)
export class ScenarioComparisonResolver {
  @FieldResolver(() => ComparedEnterpriseConnection, {
    description: 'Stalled in a but not in b, in a’s order (by stall day, then id).',
  })
  stalledOnlyInA(
    @Root() comparison: ScenarioComparison,
    @Args(() => PageArgs) page: PageArgs,
  ): Page<ComparedEnterprise> {
    return pageOfGroup(comparison, 'ONLY_IN_A', page);
  }

  @FieldResolver(() => ComparedEnterpriseConnection, {
    description: 'Stalled in b but not in a, in b’s order (by stall day, then id).',
  })
  stalledOnlyInB(
    @Root() comparison: ScenarioComparison,
    @Args(() => PageArgs) page: PageArgs,
  ): Page<ComparedEnterprise> {
    return pageOfGroup(comparison, 'ONLY_IN_B', page);
  }

  @FieldResolver(() => ComparedEnterpriseConnection, {
    description: 'Stalled in both, in a’s order; stallDayDifference says which holds out longer.',
  })
  stalledInBoth(
    @Root() comparison: ScenarioComparison,
    @Args(() => PageArgs) page: PageArgs,
  ): Page<ComparedEnterprise> {
    return pageOfGroup(comparison, 'IN_BOTH', page);
  }
}

@Resolver(() => ComparedEnterprise)
export class ComparedEnterpriseResolver {
  @FieldResolver(() => Enterprise, { description: 'The enterprise compared.' })
  async enterprise(@Root() compared: ComparedEnterprise, @Ctx() ctx: ScenarioContext): Promise<EnterpriseRecord> {
    return (await ctx.loaders.enterprise.load(compared.id)) ?? Promise.reject(notFound('Enterprise', compared.id));
  }
}
