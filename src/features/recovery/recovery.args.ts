import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { EnterpriseFilter } from '../enterprise/enterprise.args';
import { RecoveryGrouping } from './recovery-grouping.enum';
import { TimelineInterval } from './timeline-interval.enum';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';

@ArgsType()
export class RecoveryArgs {
  @Field(() => RecoveryGrouping, { description: 'What to group by.', defaultValue: RecoveryGrouping.REGION })
  groupBy!: RecoveryGrouping;

  @Field(() => EnterpriseFilter, { description: 'Only the enterprises it matches.', nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: EnterpriseFilter | null;
}

@ArgsType()
export class RecoveryAtArgs extends RecoveryArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'The moment: the state then, replayed from the status history exactly as recoveryTimeline replays it. ' +
      'Now when omitted; a moment in the future is refused.',
  })
  at?: string | null;
}

@ArgsType()
export class RecoveryTimelineArgs extends RecoveryArgs {
  @Field(() => DateTimeScalar, { description: 'Start of the timeline.' })
  from!: string;

  @Field(() => DateTimeScalar, { description: 'End of the timeline.' })
  to!: string;

  @Field(() => TimelineInterval, { description: 'Spacing of the points.', defaultValue: TimelineInterval.DAY })
  interval!: TimelineInterval;
}
