import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';

/** What every status change names: the subject, and when it happened. */
@ArgsType()
export class StatusChangeArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time of the change; now when omitted.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at?: string | null;
}
