import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ResumptionKind {
  LINK = 'LINK',
  ENTERPRISE = 'ENTERPRISE',
}

registerEnumType(ResumptionKind, { name: 'ResumptionKind', description: 'What a resumption step restarts.' });

@ObjectType({ description: 'One step of a resumption plan: reopen a link or restart an enterprise.' })
export class ResumptionStep {
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
