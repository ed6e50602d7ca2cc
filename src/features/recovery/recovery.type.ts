import { Field, Float, Int, ObjectType } from 'type-graphql';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';

@ObjectType({ description: 'How many enterprises have one status.' })
export class StatusCount {
  @Field(() => EnterpriseStatus, { description: 'The status.' })
  status!: EnterpriseStatus;

  @Field(() => Int, { description: 'How many enterprises.' })
  count!: number;
}

/** The figures of a group at one moment, now or replayed from the history. */
export interface RecoveryFigures {
  enterpriseCount: number;
  byStatus: StatusCount[];
  resumedCount: number;
  resumedShare: number;
  capacityRecovery: number;
  workforceReturned: number | null;
}

@ObjectType({ description: 'How far one region, kind or park has recovered.' })
export class RecoveryGroup implements RecoveryFigures {
  @Field(() => String, { description: 'The region, kind or park; "" for enterprises without a park.' })
  key!: string;

  @Field(() => Int, { description: 'Enterprises of the group (with a history entry by then, at a past moment).' })
  enterpriseCount!: number;

  @Field(() => [StatusCount], { description: 'Enterprises per status, every status listed.' })
  byStatus!: StatusCount[];

  @Field(() => Int, { description: 'Enterprises OPERATING or PARTIAL.' })
  resumedCount!: number;

  @Field(() => Float, { description: 'The share resumedCount / enterpriseCount.' })
  resumedShare!: number;

  @Field(() => Float, {
    description: 'Capacity recovery weighted by dailyCapacity (a plain mean where no dailyCapacity is known).',
  })
  capacityRecovery!: number;

  @Field(() => Float, { nullable: true, description: 'Mean workforceReturned of the enterprises that report it.' })
  workforceReturned!: number | null;
}

@ObjectType({ description: 'Recovery figures of a group at one moment, replayed from the status history.' })
export class RecoveryPoint implements RecoveryFigures {
  @Field(() => DateTimeScalar, { description: 'End of the interval; the state at that moment.' })
  at!: string;

  @Field(() => Int, { description: 'Enterprises with a known state by then.' })
  enterpriseCount!: number;

  @Field(() => [StatusCount], { description: 'Enterprises per status, every status listed.' })
  byStatus!: StatusCount[];

  @Field(() => Int, { description: 'Enterprises OPERATING or PARTIAL.' })
  resumedCount!: number;

  @Field(() => Float, { description: 'The share resumedCount / enterpriseCount.' })
  resumedShare!: number;

  @Field(() => Float, { description: 'Capacity recovery weighted by dailyCapacity, 0..1.' })
  capacityRecovery!: number;

  @Field(() => Float, { description: 'Mean workforceReturned of those that report it.', nullable: true })
  workforceReturned!: number | null;
}

@ObjectType({ description: 'The recovery of one region, kind or park over time.' })
export class RecoveryTimeline {
  @Field(() => String, { description: 'The region, kind or park.' })
  key!: string;

  @Field(() => [RecoveryPoint], { description: 'One point per interval, oldest first.' })
  points!: RecoveryPoint[];
}
