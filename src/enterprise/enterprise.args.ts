import { IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { EnterpriseKind, EnterpriseStatus } from '../model/enums';
import { ID_PATTERN, ID_RULE } from '../model/id-pattern';
import { MAX_PAGE_SIZE } from '../pagination/cursor';

@InputType({ description: 'Narrows an enterprise listing; every field is optional and they combine with AND.' })
export class EnterpriseFilter {
  @Field(() => [EnterpriseKind], { nullable: true })
  kind?: EnterpriseKind[] | null;

  @Field(() => [String], { nullable: true })
  region?: string[] | null;

  @Field(() => [EnterpriseStatus], { nullable: true })
  status?: EnterpriseStatus[] | null;

  @Field(() => [String], { nullable: true })
  park?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or id.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}


@ArgsType()
export class EnterprisesArgs {
  @Field(() => EnterpriseFilter, { nullable: true })
  filter?: EnterpriseFilter | null;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class SetEnterpriseStatusArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => EnterpriseStatus)
  status!: EnterpriseStatus;

  @Field(() => Float, { nullable: true, description: 'Defaults to 1 when OPERATING and 0 when STALLED or CLOSED; required when PARTIAL.' })
  @IsOptional()
  @Min(0, { message: 'capacityRecovery must be from 0 to 1' })
  @Max(1, { message: 'capacityRecovery must be from 0 to 1' })
  capacityRecovery?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0, { message: 'workforceReturned must be from 0 to 1' })
  @Max(1, { message: 'workforceReturned must be from 0 to 1' })
  workforceReturned?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time of the change; now when omitted.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at?: string | null;
}
