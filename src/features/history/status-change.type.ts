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

  @Field(() => EnterpriseStatus)
  status!: EnterpriseStatus;

  @Field(() => Float, { nullable: true })
  capacityRecovery!: number | null;

  @Field(() => Float, { nullable: true })
  workforceReturned!: number | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: BY })
  by!: string | null;
}

@ObjectType('LinkStatusChange', { description: 'A dated change of a supply link’s status.' })
export class LinkStatusChangeType {
  @Field(() => DateTimeScalar, { description: 'When the change happened.' })
  at!: string;

  @Field(() => LinkStatus)
  status!: LinkStatus;

  @Field(() => String, { nullable: true, description: 'Why it changed, e.g. highway checkpoint closed.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: BY })
  by!: string | null;
}
