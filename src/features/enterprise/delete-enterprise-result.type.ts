import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class DeleteEnterpriseResult {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Supply links removed with it (only with detach: true).' })
  deletedLinks!: number;
}
