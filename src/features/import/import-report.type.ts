import { Field, Int, ObjectType } from 'type-graphql';
import type { ImportCounts } from './import.service';

@ObjectType({ description: 'What an import wrote.' })
export class ImportReport implements ImportCounts {
  @Field(() => Int)
  enterprisesCreated!: number;

  @Field(() => Int)
  enterprisesUpdated!: number;

  @Field(() => Int)
  linksCreated!: number;

  @Field(() => Int)
  linksUpdated!: number;
}
