import { IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../pagination/cursor';
import { LinkStatus, TransportMode } from '../model/enums';
import { ID_PATTERN, ID_RULE } from '../model/id-pattern';

@InputType({ description: 'Narrows a link listing; every field is optional and they combine with AND.' })
export class SupplyLinkFilter {
  @Field(() => [String], { nullable: true })
  product?: string[] | null;

  @Field(() => [TransportMode], { nullable: true })
  mode?: TransportMode[] | null;

  @Field(() => [LinkStatus], { nullable: true })
  status?: LinkStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only links out of this supplier.' })
  from?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only links into this customer.' })
  to?: string | null;
}

@ArgsType()
export class SupplyLinksArgs {
  @Field(() => SupplyLinkFilter, { nullable: true })
  filter?: SupplyLinkFilter | null;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class SetLinkStatusArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_RULE}` })
  id!: string;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "highway checkpoint closed".' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time of the change; now when omitted.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at?: string | null;
}
