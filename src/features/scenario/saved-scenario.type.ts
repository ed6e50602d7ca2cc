import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { AffectedEnterpriseType, ImpactReport } from '../impact/impact-report.type';
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

@ObjectType({ description: 'Two scenarios side by side on the same graph version.' })
export class ScenarioComparison {
  @Field(() => ImpactReport)
  a!: ImpactReport;

  @Field(() => ImpactReport)
  b!: ImpactReport;

  @Field(() => [AffectedEnterpriseType], { description: 'Stalled in a but not in b.' })
  stalledOnlyInA!: AffectedEnterpriseType[];

  @Field(() => [AffectedEnterpriseType], { description: 'Stalled in b but not in a.' })
  stalledOnlyInB!: AffectedEnterpriseType[];

  @Field(() => Int, { description: 'Stalled in both.' })
  stalledInBoth!: number;
}
