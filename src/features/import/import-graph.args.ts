import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_LENGTH_RULE, ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';
import { GraphImportInput } from './graph-import.input';

@ArgsType()
export class ImportGraphArgs {
  // Its rows are validated by the import service, which lists every problem at once (see GraphImportInput).
  @Field(() => GraphImportInput, { description: 'The document to import.' })
  @ValidateNested()
  input!: GraphImportInput;

  @Field(() => ID, {
    nullable: true,
    description:
      'An id for the run, to follow its progress with `importRun(id)` from another request; a new UUID when ' +
      'not given. A taken id is refused with CONFLICT.',
  })
  @IsOptional()
  @MaxLength(ID_MAX_LENGTH, { message: `runId ${ID_LENGTH_RULE}` })
  @Matches(ID_PATTERN, { message: `runId ${ID_RULE}` })
  runId?: string | null;
}
