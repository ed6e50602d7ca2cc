import {
  IsBoolean,
  IsEnum,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';
import { IsCapacityRecovery } from './capacity-recovery.validator';

/**
 * One enterprise to create or update by id. The same class validates
 * `upsertEnterprise`, the rows of `importGraph` and the import command.
 */
@InputType({ description: 'An enterprise to create, or to update when the id exists.' })
export class EnterpriseInput {
  @Field(() => ID)
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Name in the local language and script, e.g. 中国轻纺城; the name search looks at it too.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'nameLocal must be at most 300 characters' })
  nameLocal?: string | null;

  @Field(() => EnterpriseKind)
  @IsEnum(EnterpriseKind, { message: `kind must be one of ${Object.values(EnterpriseKind).join(', ')}` })
  kind!: EnterpriseKind;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  region!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  park?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'lat must be a latitude from -90 to 90' })
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'lon must be a longitude from -180 to 180' })
  lon?: number | null;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'Defaults to OPERATING.' })
  @IsOptional()
  @IsEnum(EnterpriseStatus, { message: `status must be one of ${Object.values(EnterpriseStatus).join(', ')}` })
  status?: EnterpriseStatus | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Share of normal output running now, 0..1. ' +
      'Defaults to 1 when OPERATING and 0 when STALLED or CLOSED; required when PARTIAL.',
  })
  @IsCapacityRecovery()
  capacityRecovery?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'workforceReturned must be a number from 0 to 1' })
  @Min(0, { message: 'workforceReturned must be from 0 to 1' })
  @Max(1, { message: 'workforceReturned must be from 0 to 1' })
  workforceReturned?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({}, { message: 'dailyCapacity must be a number' })
  @Min(0, { message: 'dailyCapacity must not be negative' })
  dailyCapacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CNY value of one normal day of full output (of the goods forwarded, for a pass-through).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'dailyOutputValue must be a number' })
  @Min(0, { message: 'dailyOutputValue must not be negative' })
  dailyOutputValue?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean({ message: 'whitelisted must be true or false' })
  whitelisted?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the figures come from.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
