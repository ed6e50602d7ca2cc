import { Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';

/** What every status change names: the subject, and when it happened. */
@ArgsType()
export class StatusChangeArgs {
  @Field(() => ID, { description: 'Id of the enterprise or link whose status changes.' })
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the change happened; now when omitted.' })
  at?: string | null;
}
