import { IsISO8601, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';

/** Longest ISO 8601 date-time taken: `2020-03-10T08:00:00.000000+08:00` and then some. */
export const DATE_TIME_MAX_LENGTH = 40;

/** What every status change names: the subject, and when it happened. */
@ArgsType()
export class StatusChangeArgs {
  @Field(() => ID)
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time of the change; now when omitted.' })
  @IsOptional()
  @MaxLength(DATE_TIME_MAX_LENGTH, { message: 'at must be an ISO 8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at?: string | null;
}
