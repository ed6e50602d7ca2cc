import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { ScenarioInput } from '../impact/scenario.input';

const NAME_RULE = 'name must be 1 to 200 characters';

@ArgsType()
export class SaveScenarioArgs {
  @Field(() => String)
  @Matches(/\S/, { message: NAME_RULE })
  @MaxLength(200, { message: NAME_RULE })
  name!: string;

  @Field(() => ScenarioInput)
  @ValidateNested()
  scenario!: ScenarioInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string | null;
}
