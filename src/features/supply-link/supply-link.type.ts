import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import type { SupplyLinkRecord } from './supply-link.record';

@ObjectType({ description: 'Goods of one product flowing from a supplier (from) to a customer (to).' })
export class SupplyLink implements SupplyLinkRecord {
  @Field(() => ID)
  id!: string;

  /** Id of the supplier; the `from` and `fromId` field resolvers read it. */
  from!: string;

  /** Id of the customer. */
  to!: string;

  @Field(() => String, { description: 'What flows, e.g. dyestuff, grey fabric.' })
  product!: string;

  @Field(() => TransportMode)
  mode!: TransportMode;

  @Field(() => Float, { nullable: true, description: 'Normal volume per day; 1 when unset.' })
  volume!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => Float, {
    nullable: true,
    description: 'Days the customer can run on its stock of this input; 0 when unset.',
  })
  inventoryDays!: number | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
