import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ImportResult } from './import.service';

@ObjectType({ description: 'What an import wrote.' })
export class ImportReport implements ImportResult {
  @Field(() => ID, { description: 'The import run: `importRun(id)` tells its state and progress.' })
  runId!: string;

  @Field(() => Int, { description: 'Enterprises that did not exist before.' })
  enterprisesCreated!: number;

  @Field(() => Int, { description: 'Existing enterprises replaced.' })
  enterprisesUpdated!: number;

  @Field(() => Int, { description: 'Links that did not exist before.' })
  linksCreated!: number;

  @Field(() => Int, { description: 'Existing links replaced.' })
  linksUpdated!: number;
}
