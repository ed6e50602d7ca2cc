import { StatusChangeArgs } from '../history/status-change.args';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { IdArgs } from '../vocabulary/id.args';
import { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { BoundingBoxInput } from './bounding-box.input';
import { IsCapacityRecovery } from './capacity-recovery.validator';

/** Most values one filter list may hold. */
export const MAX_FILTER_VALUES = 1_000;

@InputType({ description: 'Narrows an enterprise listing; every field is optional and they combine with AND.' })
export class EnterpriseFilter {
  @Field(() => [EnterpriseKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kind?: EnterpriseKind[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'region must be at most 200 characters' })
  region?: string[] | null;

  @Field(() => [EnterpriseStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  status?: EnterpriseStatus[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'park must be at most 200 characters' })
  park?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive part of the name, the local name (nameLocal, e.g. 柯桥) or the id.',
  })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `ids ${ID_LENGTH_RULE}` })
  ids?: string[] | null;

  @Field(() => BoundingBoxInput, {
    nullable: true,
    description: 'Only enterprises with lat/lon inside this box (those without coordinates never match).',
  })
  @IsOptional()
  @ValidateNested()
  bbox?: BoundingBoxInput | null;
}

@ArgsType()
export class EnterprisesArgs extends PageArgs {
  @Field(() => EnterpriseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: EnterpriseFilter | null;
}

@ArgsType()
export class DeleteEnterpriseArgs extends IdArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Delete its supply links with it.' })
  detach!: boolean;
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
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string | null;
}
