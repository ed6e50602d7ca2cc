import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ConnectionType } from '../../platform/graphql/pagination/connection.type';
import { AffectedEnterpriseType, ImpactReport } from '../impact/impact-report.type';
import type { Comparison } from '../impact/impact.service';
import { ScenarioInput, ScenarioSpec } from '../impact/scenario.input';
import { SimulationTimelineType } from '../simulation/simulation-timeline.type';

@ObjectType({ description: 'A named what-if, kept so it can be re-run against the graph as it changes.' })
export class SavedScenario {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { description: 'ISO 8601 date-time it was saved.' })
  createdAt!: string;

  @Field(() => String, { description: 'Who saved it (token:<name>, jwt:<sub> or anonymous).' })
  owner!: string;

  @Field(() => ScenarioSpec)
  scenario!: ScenarioSpec;

  @Field(() => SimulationTimelineType, {
    nullable: true,
    description: 'Events day by day, if saved with the scenario; `simulation` re-runs them.',
  })
  timeline!: SimulationTimelineType | null;
}

@InputType({ description: 'A saved scenario by id, or a scenario given inline: exactly one of the two.' })
export class ScenarioRef {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(40, { message: 'id must be the id of a saved scenario' })
  @Matches(/^scn-[0-9a-f-]{36}$/, { message: 'id must be the id of a saved scenario' })
  id?: string | null;

  @Field(() => ScenarioInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scenario?: ScenarioInput | null;
}

/** One enterprise of a comparison group: its verdict in each scenario, and how they differ. */
@ObjectType({ description: 'An enterprise in two scenarios: its impact in each, and the difference (b minus a).' })
export class ComparedEnterprise {
  /** The enterprise's id; its `enterprise` field is resolved by id. */
  id!: string;

  @Field(() => AffectedEnterpriseType, { nullable: true, description: 'Its impact in a; null when a leaves it alone.' })
  inA!: AffectedEnterpriseType | null;

  @Field(() => AffectedEnterpriseType, { nullable: true, description: 'Its impact in b; null when b leaves it alone.' })
  inB!: AffectedEnterpriseType | null;

  @Field(() => Float, {
    nullable: true,
    description: 'b.stallsOnDay - a.stallsOnDay when it stalls in both: positive when it holds out longer in b.',
  })
  stallDayDifference!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Producers: lost output value in b minus in a, CNY per day; null for pass-throughs or without value.',
  })
  lostOutputValueDifference!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Pass-throughs: lost trade value in b minus in a; null for producers or without value.',
  })
  lostTradeValueDifference!: number | null;
}

export const ComparedEnterpriseConnection = ConnectionType('ComparedEnterprise', ComparedEnterprise);

@ObjectType({
  description:
    'Two scenarios side by side on the same graph version: who stalls only in a, only in b, and in both ' +
    '(three lists of the same shape), and the differences in stall days and lost value.',
})
export class ScenarioComparison {
  @Field(() => ImpactReport)
  a!: ImpactReport;

  @Field(() => ImpactReport)
  b!: ImpactReport;

  /** The sizes of the three groups, and the pages of them the query reads (built by the engine job). */
  groups!: Comparison['groups'];

  @Field(() => Int, { description: 'b.stalledCount - a.stalledCount.' })
  stalledCountDifference!: number;

  @Field(() => Float, { description: 'b.lostOutputValue - a.lostOutputValue, CNY per day.' })
  lostOutputValueDifference!: number;

  @Field(() => Float, { description: 'b.lostTradeValue - a.lostTradeValue, CNY per day.' })
  lostTradeValueDifference!: number;
}
