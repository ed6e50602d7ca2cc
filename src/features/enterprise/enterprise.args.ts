import { StatusChangeArgs } from '../history/status-change.args';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { IsCapacityRecovery } from './capacity-recovery.validator';

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
export class EnterprisesArgs extends PageArgs {
  @Field(() => EnterpriseFilter, { nullable: true })
  filter?: EnterpriseFilter | null;
}

@ArgsType()
export class SetEnterpriseStatusArgs extends StatusChangeArgs {
  @Field(() => EnterpriseStatus)
  status!: EnterpriseStatus;

  @Field(() => Float, {
    nullable: true,
    description: 'Defaults to 1 when OPERATING and 0 when STALLED or CLOSED; required when PARTIAL.',
  })
  @IsCapacityRecovery()
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
}
