import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { SupplyLink } from '../supply-link/supply-link.type';

/** An alternative supplier the engine found (its `AlternativeSupplier`), with the enterprise itself. */
@ObjectType('AlternativeSupplier', { description: 'An enterprise that could supply the product instead.' })
export class AlternativeSupplierType {
  @Field(() => Enterprise, { description: 'The candidate supplier.' })
  enterprise!: EnterpriseRecord;

  @Field(() => Boolean, { description: 'In the same region as the enterprise that needs it.' })
  sameRegion!: boolean;

  @Field(() => Float, { description: 'Its normal output per day, in its own unit; null when unknown.', nullable: true })
  dailyCapacity!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hops between the two in the supply graph, either direction; null when unconnected.',
  })
  hops!: number | null;

  @Field(() => Boolean, { description: 'Already one of its suppliers of this product.' })
  alreadySupplies!: boolean;

  @Field(() => Boolean, {
    description: 'A new link from it alone would get the enterprise running again in the scenario.',
  })
  wouldUnstall!: boolean;
}

/** A route the engine found (its `AlternativeRoute`), with its enterprises and links loaded. */
@ObjectType('AlternativeRoute', {
  description: 'A route that still delivers in the scenario, e.g. by rail when the road is closed.',
})
export class AlternativeRouteType {
  @Field(() => [Enterprise], { description: 'From the supplier, through logistics nodes, to the customer.' })
  enterprises!: EnterpriseRecord[];

  @Field(() => [SupplyLink], { description: 'The links of the route, in order.' })
  links!: SupplyLinkRecord[];

  @Field(() => [TransportMode], { description: 'Transport mode of each link, in order.' })
  modes!: TransportMode[];
}
