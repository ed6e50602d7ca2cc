import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What deleteScenario removed.' })
export class DeleteScenarioResult {
  @Field(() => ID, { description: 'Id of the deleted saved scenario.' })
  id!: string;
}
