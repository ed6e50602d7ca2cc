import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { StatusChangeFilter } from './status-change-filter.input';

@ArgsType()
export class StatusChangedArgs {
  @Field(() => StatusChangeFilter, { nullable: true, description: 'Which changes; all of them when omitted.' })
  @IsOptional()
  @ValidateNested()
  filter?: StatusChangeFilter | null;
}
