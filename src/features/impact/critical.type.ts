import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { SupplyLink } from '../supply-link/supply-link.type';

const LOST_OUTPUT_VALUE = 'Lost output value of blocking it alone, CNY per day, over producers.';

@ObjectType({ description: 'A supply link and the impact of blocking it alone.' })
export class CriticalLink {
  @Field(() => SupplyLink, { description: 'The supply link.' })
  link!: SupplyLinkRecord;

  @Field(() => Int, { description: 'Enterprises stalled by blocking it alone.' })
  stalledCount!: number;

  @Field(() => Float, { description: LOST_OUTPUT_VALUE })
  lostOutputValue!: number;
}

@ObjectType({ description: 'An enterprise and the impact of taking it down alone.' })
export class CriticalEnterprise {
  @Field(() => Enterprise, { description: 'The enterprise.' })
  enterprise!: EnterpriseRecord;

  @Field(() => Int, { description: 'Enterprises stalled, itself included.' })
  stalledCount!: number;

  @Field(() => Float, { description: LOST_OUTPUT_VALUE })
  lostOutputValue!: number;
}
