import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class DeleteSupplyLinkResult {
  @Field(() => ID)
  id!: string;
}
