import { IsISO8601, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { DATE_TIME_MAX_LENGTH } from '../history/status-change.args';
import { ArgsType, Field } from 'type-graphql';
import { EnterpriseFilter } from '../enterprise/enterprise.args';
import { RecoveryGrouping } from './recovery-grouping.enum';
import { TimelineInterval } from './timeline-interval.enum';

@ArgsType()
export class RecoveryArgs {
  @Field(() => RecoveryGrouping, { defaultValue: RecoveryGrouping.REGION })
  groupBy!: RecoveryGrouping;

  @Field(() => EnterpriseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: EnterpriseFilter | null;
}

@ArgsType()
export class RecoveryAtArgs extends RecoveryArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'ISO 8601 moment: the state then, replayed from the status history exactly as recoveryTimeline replays it. ' +
      'Now when omitted; a moment in the future is refused.',
  })
  @IsOptional()
  @MaxLength(DATE_TIME_MAX_LENGTH, { message: 'at must be an ISO 8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at?: string | null;
}

@ArgsType()
export class RecoveryTimelineArgs extends RecoveryArgs {
  @Field(() => String, { description: 'ISO 8601 start of the timeline.' })
  @MaxLength(DATE_TIME_MAX_LENGTH, { message: 'from must be an ISO 8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from!: string;

  @Field(() => String, { description: 'ISO 8601 end of the timeline.' })
  @MaxLength(DATE_TIME_MAX_LENGTH, { message: 'to must be an ISO 8601 date-time' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to!: string;

  @Field(() => TimelineInterval, { defaultValue: TimelineInterval.DAY })
  interval!: TimelineInterval;
}
