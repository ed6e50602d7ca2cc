import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class DeleteScenarioResult {
  @Field(() => ID)
  id!: string;
}
