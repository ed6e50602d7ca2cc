import { Field, Int, ObjectType } from 'type-graphql';
import type { ImportCounts } from './import.service';

@ObjectType({ description: 'What an import wrote.' })
export class ImportReport implements ImportCounts {
  @Field(() => Int, { description: 'Enterprises that did not exist before.' })
  enterprisesCreated!: number;

  @Field(() => Int, { description: 'Existing enterprises replaced.' })
  enterprisesUpdated!: number;

  @Field(() => Int, { description: 'Links that did not exist before.' })
  linksCreated!: number;

  @Field(() => Int, { description: 'Existing links replaced.' })
  linksUpdated!: number;
}
