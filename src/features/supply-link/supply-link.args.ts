import { StatusChangeArgs } from '../history/status-change.args';
import { PageArgs } from '../../platform/graphql/pagination/page.args';
import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';

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
export class SupplyLinksArgs extends PageArgs {
  @Field(() => SupplyLinkFilter, { nullable: true })
  filter?: SupplyLinkFilter | null;
}

@ArgsType()
export class SetLinkStatusArgs extends StatusChangeArgs {
  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "highway checkpoint closed".' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}
