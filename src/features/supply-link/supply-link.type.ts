import { Field, ID, ObjectType } from 'type-graphql';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import type { SupplyLinkRecord } from './supply-link.record';
import { Node } from '../vocabulary/node.type';

@ObjectType({
  implements: Node,
  description: 'Goods of one product flowing from a supplier (from) to a customer (to).',
})
export class SupplyLink implements SupplyLinkRecord {
  @Field(() => ID, { description: 'Stable external id, e.g. kq-l-alice-market; unique across links and enterprises.' })
  id!: string;

  /** Id of the supplier; the `from` and `fromId` field resolvers read it. */
  from!: string;

  /** Id of the customer. */
  to!: string;

  @Field(() => String, { description: 'What flows, e.g. dyestuff, grey fabric.' })
  product!: string;

  @Field(() => TransportMode, { description: 'How the goods move.' })
  mode!: TransportMode;

  /** Normal volume per day, null when unset; the `volume` field resolver gives the default. */
  volume!: number | null;

  @Field(() => String, { description: 'Unit of volume, e.g. t or m.', nullable: true })
  unit!: string | null;

  @Field(() => LinkStatus, { description: 'Current real state.' })
  status!: LinkStatus;

  /** Days of stock at the customer, null when unset; the `inventoryDays` field resolver gives the default. */
  inventoryDays!: number | null;

  @Field(() => String, { description: 'Where the figures come from.', nullable: true })
  source!: string | null;

  @Field(() => String, { description: 'Free text.', nullable: true })
  note!: string | null;
}
