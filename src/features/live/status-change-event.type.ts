import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import { LinkStatus } from '../vocabulary/link-status.enum';
import { StatusSubject } from './status-subject.enum';

@ObjectType('StatusChangeEvent', {
  description: 'An enterprise or a supply link whose status a committed write changed, on any service instance.',
})
export class StatusChangeEventType {
  @Field(() => Int, { description: 'The graph version the write made.' })
  version!: number;

  @Field(() => StatusSubject, { description: 'Whether id names an enterprise or a supply link.' })
  subject!: StatusSubject;

  @Field(() => ID, { description: 'The enterprise or supply link whose status changed.' })
  id!: string;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'The enterprise’s new status; null for a link.' })
  enterpriseStatus!: EnterpriseStatus | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The enterprise’s new share of its capacity (0-1); null for a link.',
  })
  capacityRecovery!: number | null;

  @Field(() => LinkStatus, { nullable: true, description: 'The link’s new status; null for an enterprise.' })
  linkStatus!: LinkStatus | null;

  @Field(() => DateTimeScalar, { description: 'When the write committed.' })
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who wrote: token:<name>, jwt:<sub>, anonymous, or a command; null when unknown.',
  })
  actor!: string | null;
}
