import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from './id-pattern';

/** One thing by id: lookups and deletions. */
@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: 'Stable id of the subject.' })
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_LENGTH_RULE}` })
  id!: string;
}
