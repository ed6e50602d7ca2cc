import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What deleteEnterprise removed.' })
export class DeleteEnterpriseResult {
  @Field(() => ID, { description: 'Id of the deleted enterprise.' })
  id!: string;

  @Field(() => Int, { description: 'Supply links removed with it (only with detach: true).' })
  deletedLinks!: number;
}
