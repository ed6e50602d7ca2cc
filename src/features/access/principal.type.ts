import { Field, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

@ObjectType('Principal', { description: 'Who the service takes the caller for.' })
export class PrincipalType {
  @Field(() => String, {
    description: 'What the history records for its writes: token:<name>, jwt:<sub> or anonymous.',
  })
  actor!: string;

  @Field(() => Role, { description: 'Its role; null when it may do nothing.', nullable: true })
  role!: Role | null;

  @Field(() => String, { description: 'How it was authenticated: token, jwt or anonymous.' })
  via!: string;
}
