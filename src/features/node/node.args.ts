import { ArrayMaxSize, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';

/** Most ids one nodes(ids:) call looks up. */
export const MAX_NODE_IDS = 500;

@ArgsType()
export class NodesArgs {
  @Field(() => [ID], { description: `Ids to look up, at most ${MAX_NODE_IDS}.` })
  @ArrayMaxSize(MAX_NODE_IDS, { message: `ids must hold at most ${MAX_NODE_IDS} ids` })
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `ids ${ID_LENGTH_RULE} each` })
  ids!: string[];
}
