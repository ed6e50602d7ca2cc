import { StatusChangeArgs } from '../history/status-change.args';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MAX_FILTER_VALUES } from '../enterprise/enterprise.args';
import { LinkFilterInput } from './link-filter.input';
import { SupplyLinkOrder } from './supply-link-order.input';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';

@InputType({ description: 'Narrows a link listing; every field is optional and they combine with AND.' })
export class SupplyLinkFilter {
  @Field(() => [String], { description: 'Only these products (each must be one some link carries).', nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'product must be at most 200 characters' })
  product?: string[] | null;

  @Field(() => [TransportMode], { description: 'Only these modes.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  mode?: TransportMode[] | null;

  @Field(() => [LinkStatus], { description: 'Only these statuses.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  status?: LinkStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only links out of this supplier.' })
  @IsOptional()
  @MaxLength(ID_MAX_LENGTH, { message: `from ${ID_LENGTH_RULE}` })
  from?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only links into this customer.' })
  @IsOptional()
  @MaxLength(ID_MAX_LENGTH, { message: `to ${ID_LENGTH_RULE}` })
  to?: string | null;
}

@ArgsType()
export class SupplyLinksArgs extends PageArgs {
  @Field(() => SupplyLinkFilter, { nullable: true, description: 'Only the links it matches.' })
  @IsOptional()
  @ValidateNested()
  filter?: SupplyLinkFilter | null;

  @Field(() => SupplyLinkOrder, { nullable: true, description: 'Sort order, then id; by id ascending when omitted.' })
  @IsOptional()
  @ValidateNested()
  orderBy?: SupplyLinkOrder | null;

  @Field(() => LinkFilterInput, {
    nullable: true,
    description: 'Links by mode, product and regions (the filter of scenario blocks); combines with filter.',
  })
  @IsOptional()
  @ValidateNested()
  where?: LinkFilterInput | null;
}

@ArgsType()
export class ProductArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only links of this product.' })
  @IsOptional()
  @MaxLength(200, { message: 'product must be at most 200 characters' })
  product?: string | null;
}

@ArgsType()
export class SetLinkStatusArgs extends StatusChangeArgs {
  @Field(() => LinkStatus, { description: 'The status from now (or from at) on.' })
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "highway checkpoint closed".' })
  @IsOptional()
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason?: string | null;
}
