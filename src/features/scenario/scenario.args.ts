import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ScenarioInput } from '../impact/scenario.input';
import { MAX_WATCHED } from '../simulation/simulation-limits';
import { SimulationTimelineInput } from '../simulation/simulation.input';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';

const NAME_RULE = 'name must be 1 to 200 characters';

@ArgsType()
export class SaveScenarioArgs {
  @Field(() => String, { description: 'Name to list it by, 1 to 200 characters.' })
  @Matches(/\S/, { message: NAME_RULE })
  @MaxLength(200, { message: NAME_RULE })
  name!: string;

  @Field(() => ScenarioInput, { description: 'What to block.' })
  @ValidateNested()
  scenario!: ScenarioInput;

  @Field(() => String, { description: 'Free text.', nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string | null;

  @Field(() => SimulationTimelineInput, {
    nullable: true,
    description:
      'Events day by day, re-run by the saved scenario’s `simulation` on top of its blocks (from day 0, for ' +
      'durationDays when set).',
  })
  @IsOptional()
  @ValidateNested()
  timeline?: SimulationTimelineInput | null;
}

@ArgsType()
export class ScenarioSimulationArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Enterprises whose fraction is returned for every day (at most ${MAX_WATCHED}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WATCHED)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `watch ${ID_LENGTH_RULE} each` })
  watch?: string[] | null;
}
