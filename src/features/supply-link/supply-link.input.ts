import { IsEnum, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../vocabulary/id-pattern';
import { DiffersFrom } from './differs-from.validator';

/** One supply link to create or update by id; validates mutations and import rows alike. */
@InputType({ description: 'A supply link to create, or to update when the id exists.' })
export class SupplyLinkInput {
  @Field(() => ID, { description: 'Stable external id; unique across links and enterprises.' })
  @MaxLength(ID_MAX_LENGTH, { message: `id ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => ID, { description: 'Id of the supplier (upstream).' })
  @MaxLength(ID_MAX_LENGTH, { message: `from ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `from ${ID_RULE}` })
  from!: string;

  @Field(() => ID, { description: 'Id of the customer (downstream).' })
  @MaxLength(ID_MAX_LENGTH, { message: `to ${ID_RULE}` })
  @Matches(ID_PATTERN, { message: `to ${ID_RULE}` })
  @DiffersFrom('from', { message: 'from and to must be different enterprises' })
  to!: string;

  @Field(() => String, { description: 'What flows, e.g. dyestuff.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  product!: string;

  @Field(() => TransportMode, { description: 'How the goods move.' })
  @IsEnum(TransportMode, { message: `mode must be one of ${Object.values(TransportMode).join(', ')}` })
  mode!: TransportMode;

  @Field(() => Float, { nullable: true, description: 'Normal volume per day; 1 when unset.' })
  @IsOptional()
  @IsNumber({}, { message: 'volume must be a number' })
  @Min(0, { message: 'volume must not be negative' })
  volume?: number | null;

  @Field(() => String, { description: 'Unit of volume.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string | null;

  @Field(() => LinkStatus, { nullable: true, description: 'Defaults to OPEN.' })
  @IsOptional()
  @IsEnum(LinkStatus, { message: `status must be one of ${Object.values(LinkStatus).join(', ')}` })
  status?: LinkStatus | null;

  @Field(() => Float, { nullable: true, description: 'Days of stock of this input at the customer; 0 when unset.' })
  @IsOptional()
  @IsNumber({}, { message: 'inventoryDays must be a number' })
  @Min(0, { message: 'inventoryDays must not be negative' })
  inventoryDays?: number | null;

  @Field(() => String, { description: 'Where the figures come from.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string | null;

  @Field(() => String, { description: 'Free text.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
