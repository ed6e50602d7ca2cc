import { Field, Float, ObjectType } from 'type-graphql';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';

const BY = 'Who made the change: token:<name>, jwt:<sub>, anonymous, or a command such as cli:import.';

@ObjectType('EnterpriseStatusChange', {
  description: 'A dated change of an enterprise’s status, kept so recovery reads as a time series.',
})
export class EnterpriseStatusChangeType {
  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  at!: string;

  @Field(() => EnterpriseStatus, { description: 'The status from then on.' })
  status!: EnterpriseStatus;

  @Field(() => Float, { description: 'Share of normal output running from then on, 0..1.', nullable: true })
  capacityRecovery!: number | null;

  @Field(() => Float, {
    description: 'Share of staff back at work from then on, 0..1; null when not reported.',
    nullable: true,
  })
  workforceReturned!: number | null;

  @Field(() => String, { description: 'Why, or where the figure comes from.', nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: BY })
  by!: string | null;
}

@ObjectType('LinkStatusChange', { description: 'A dated change of a supply link’s status.' })
export class LinkStatusChangeType {
  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  at!: string;

  @Field(() => LinkStatus, { description: 'The status from then on.' })
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'Why it changed, e.g. highway checkpoint closed.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: BY })
  by!: string | null;
}
