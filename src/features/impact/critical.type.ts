import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { SupplyLink } from '../supply-link/supply-link.type';

export enum CriticalMeasure {
  STALLED_COUNT = 'STALLED_COUNT',
  LOST_OUTPUT = 'LOST_OUTPUT',
}

registerEnumType(CriticalMeasure, {
  name: 'CriticalMeasure',
  description: 'How single points of failure are ranked: enterprises stalled, or daily output lost, when blocked alone.',
});

@ObjectType({ description: 'A supply link and the impact of blocking it alone.' })
export class CriticalLink {
  @Field(() => SupplyLink)
  link!: SupplyLinkRecord;

  @Field(() => Int)
  stalledCount!: number;

  @Field(() => Float)
  lostDailyOutput!: number;
}

@ObjectType({ description: 'An enterprise and the impact of taking it down alone.' })
export class CriticalEnterprise {
  @Field(() => Enterprise)
  enterprise!: EnterpriseRecord;

  @Field(() => Int, { description: 'Enterprises stalled, itself included.' })
  stalledCount!: number;

  @Field(() => Float)
  lostDailyOutput!: number;
}
