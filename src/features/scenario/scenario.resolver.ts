import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestActor } from '../../platform/graphql/request-actor';
import { ImpactReport } from '../impact/impact-report.type';
import { toScenario } from '../impact/to-scenario';
import { SavedScenario, ScenarioComparison, ScenarioRef } from './saved-scenario.type';
import { DeleteScenarioResult } from './delete-scenario-result.type';
import { SaveScenarioArgs } from './scenario.args';
import type { ScenarioService } from './scenario.service';

/** What the saved scenario resolver reads of the request context. */
export interface ScenarioContext extends RequestActor {
  services: { scenarios: ScenarioService };
}

@Resolver(() => SavedScenario)
export class ScenarioResolver {
  @Mutation(() => SavedScenario, {
    description: 'Saves a what-if under a name; its report is always computed on the current graph.',
  })
  saveScenario(
    @Args(() => SaveScenarioArgs) args: SaveScenarioArgs,
    @Ctx() ctx: ScenarioContext,
  ): Promise<SavedScenario> {
    return ctx.services.scenarios.save(ctx.actor, args.name, toScenario(args.scenario), args.note ?? null);
  }

  @Mutation(() => DeleteScenarioResult)
  deleteScenario(@Arg('id', () => ID) id: string, @Ctx() ctx: ScenarioContext): Promise<DeleteScenarioResult> {
    return ctx.services.scenarios.delete(ctx.actor, id);
  }

  @Query(() => [SavedScenario], { description: 'Saved scenarios, newest first.' })
  scenarios(@Ctx() ctx: ScenarioContext): Promise<SavedScenario[]> {
    return ctx.services.scenarios.list();
  }

  @Query(() => SavedScenario, { description: 'One saved scenario; NOT_FOUND when there is none.' })
  scenario(@Arg('id', () => ID) id: string, @Ctx() ctx: ScenarioContext): Promise<SavedScenario> {
    return ctx.services.scenarios.get(id);
  }

  @Query(() => ScenarioComparison, {
    description: 'Who stalls in one scenario and not the other, on the same graph version.',
  })
  compareScenarios(
    @Arg('a', () => ScenarioRef) a: ScenarioRef,
    @Arg('b', () => ScenarioRef) b: ScenarioRef,
    @Ctx() ctx: ScenarioContext,
  ): Promise<ScenarioComparison> {
    const reference = (ref: ScenarioRef) => ({ id: ref.id, scenario: ref.scenario ? toScenario(ref.scenario) : null });
    return ctx.services.scenarios.compare(reference(a), reference(b));
  }

  @FieldResolver(() => ImpactReport, { description: 'The scenario evaluated against the graph as it is now.' })
  report(@Root() saved: SavedScenario, @Ctx() ctx: ScenarioContext): Promise<ImpactReport> {
    return ctx.services.scenarios.report(saved);
  }
}
