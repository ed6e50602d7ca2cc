import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { impactNeeds, selectedFields } from '../impact/impact-needs';
import { Allow } from '../../platform/auth/allow';
import type { RequestActor } from '../../platform/auth/request-actor';
import { Role, roleAtLeast } from '../../platform/auth/role';
import { ImpactReport } from '../impact/impact-report.type';
import { toScenario } from '../impact/to-scenario';
import { IdArgs } from '../vocabulary/id.args';
import { SavedScenario, ScenarioComparison, ScenarioRef } from './saved-scenario.type';
import { DeleteScenarioResult } from './delete-scenario-result.type';
import { SaveScenarioArgs } from './scenario.args';
import type { ScenarioOwner } from './scenario.repository';
import type { ScenarioService } from './scenario.service';

/** What the saved scenario resolver reads of the request context. */
export interface ScenarioContext extends RequestActor {
  services: { scenarios: ScenarioService };
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
    return ctx.services.scenarios.save(ctx.actor, args.name, toScenario(args.scenario), args.note ?? null);
  }

  @Mutation(() => DeleteScenarioResult, {
    description: 'Deletes a saved scenario: an analyst its own, an editor or admin any.',
  })
  @Allow(Role.ANALYST)
  deleteScenario(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: ScenarioContext): Promise<DeleteScenarioResult> {
    return ctx.services.scenarios.delete(ctx.actor, id, ownerSeenBy(ctx));
  }

  @Query(() => [SavedScenario], {
    description: 'Saved scenarios, newest first: an analyst’s own, or everyone’s for an editor or admin.',
  })
  @Allow(Role.ANALYST)
  scenarios(@Ctx() ctx: ScenarioContext): Promise<SavedScenario[]> {
    return ctx.services.scenarios.list(ownerSeenBy(ctx));
  }

  @Query(() => SavedScenario, { description: 'One saved scenario the caller may see; NOT_FOUND otherwise.' })
  @Allow(Role.ANALYST)
  scenario(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: ScenarioContext): Promise<SavedScenario> {
    return ctx.services.scenarios.get(id, ownerSeenBy(ctx));
  }

  @Query(() => ScenarioComparison, {
    description: 'Who stalls in one scenario and not the other, on the same graph version.',
  })
  @Allow(Role.ANALYST)
  compareScenarios(
    @Arg('a', () => ScenarioRef) a: ScenarioRef,
    @Arg('b', () => ScenarioRef) b: ScenarioRef,
    @Ctx() ctx: ScenarioContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ScenarioComparison> {
    const reference = (ref: ScenarioRef) => ({ id: ref.id, scenario: ref.scenario ? toScenario(ref.scenario) : null });
    const needs = (field: string) => impactNeeds(info, selectedFields(info, info.fieldNodes, field));
    return ctx.services.scenarios.compare(reference(a), reference(b), ownerSeenBy(ctx), {
      a: needs('a'),
      b: needs('b'),
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
}
