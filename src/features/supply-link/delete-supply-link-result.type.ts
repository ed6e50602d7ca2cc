import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What deleteSupplyLink removed.' })
export class DeleteSupplyLinkResult {
  @Field(() => ID, { description: 'Id of the deleted supply link.' })
  id!: string;
}
