import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { SupplyLink } from '../supply-link/supply-link.type';
import { ResumptionKind } from './resumption-kind.enum';

/** A step of the engine's resumption plan (the engine's `ResumptionStep`), numbered, with its subject loaded. */
@ObjectType('ResumptionStep', {
  description: 'One step of a resumption plan: reopen a link or restart an enterprise.',
})
export class ResumptionStepType {
  @Field(() => Int, { description: '1 for the first step.' })
  step!: number;

  @Field(() => ResumptionKind, { description: 'Whether it reopens a link or restarts an enterprise.' })
  kind!: ResumptionKind;

  @Field(() => SupplyLink, { nullable: true, description: 'The link to reopen (kind LINK).' })
  link!: SupplyLinkRecord | null;

  @Field(() => Enterprise, { nullable: true, description: 'The enterprise to restart (kind ENTERPRISE).' })
  enterprise!: EnterpriseRecord | null;

  @Field(() => Float, { description: 'Lost output value this step brings back, CNY per day.' })
  recoveredOutputValue!: number;

  @Field(() => Float, { description: 'Output value brought back by this step and all before it, CNY per day.' })
  cumulativeRecoveredOutputValue!: number;

  @Field(() => Int, { description: 'Enterprises no longer stalled after this step.' })
  restartedCount!: number;
}
