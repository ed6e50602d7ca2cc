import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';
import { ImportRunState } from './import-run-state.enum';

@ObjectType('ImportRun', {
  description:
    'One import, as it runs and after: new rows are staged in batches out of sight, then published together in ' +
    'one transaction; a failure discards them.',
})
export class ImportRunType {
  @Field(() => ID, { description: 'The run id importGraph was given or made up.' })
  id!: string;

  @Field(() => String, { description: 'Who started it.' })
  actor!: string;

  @Field(() => String, { nullable: true, description: 'Note written into its history entries.' })
  note!: string | null;

  @Field(() => ImportRunState, { description: 'STAGING, then PUBLISHED or FAILED.' })
  state!: ImportRunState;

  @Field(() => Int, {
    description:
      'Rows in the document; while the import command is still reading the links of a CSV folder, its enterprise rows.',
  })
  total!: number;

  @Field(() => Int, { description: 'Rows staged or written so far: progress is written / total.' })
  written!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed.' })
  error!: string | null;

  @Field(() => Int, { nullable: true, description: 'Once published: enterprises that did not exist before.' })
  enterprisesCreated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Once published: existing enterprises replaced.' })
  enterprisesUpdated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Once published: links that did not exist before.' })
  linksCreated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Once published: existing links replaced.' })
  linksUpdated!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it began staging.' })
  startedAt!: string;

  @Field(() => DateTimeScalar, { description: 'Its last progress; a run silent for two minutes is given up.' })
  heartbeatAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was published or failed.' })
  finishedAt!: string | null;
}
