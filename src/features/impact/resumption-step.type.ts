import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ResumptionKind } from './resumption-kind.enum';

/** A step of the engine's resumption plan (the engine's `ResumptionStep`), numbered. */
@ObjectType('ResumptionStep', {
  description: 'One step of a resumption plan: reopen a link or restart an enterprise.',
})
export class ResumptionStepType {
  @Field(() => Int, { description: '1 for the first step.' })
  step!: number;

  @Field(() => ResumptionKind)
  kind!: ResumptionKind;

  @Field(() => ID, { description: 'Id of the link or enterprise.' })
  id!: string;

  @Field(() => Float, { description: 'Daily output this step brings back.' })
  recoveredDailyOutput!: number;

  @Field(() => Float, { description: 'Daily output brought back by this step and all before it.' })
  cumulativeRecoveredDailyOutput!: number;

  @Field(() => Int, { description: 'Enterprises no longer stalled after this step.' })
  restartedCount!: number;
}
