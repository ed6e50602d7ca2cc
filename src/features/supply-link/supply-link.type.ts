import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import type { SupplyLinkRecord } from './supply-link.record';
import { Node } from '../node/node.type';

@ObjectType({
  implements: Node,
  description: 'Goods of one product flowing from a supplier (from) to a customer (to).',
})
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

  /** Normal volume per day, null when unset; the `volume` field resolver gives the default. */
  volume!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  /** Days of stock at the customer, null when unset; the `inventoryDays` field resolver gives the default. */
  inventoryDays!: number | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
