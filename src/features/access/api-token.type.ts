import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.enum';
import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';

@ObjectType({ description: 'An API token: who it is for and what it may do. The key itself is never shown again.' })
export class ApiToken {
  @Field(() => ID, { description: 'Stable id of the token, e.g. tok-3f9a1c2b4d5e.' })
  id!: string;

  @Field(() => String, { description: 'Its writes are recorded as token:<name>.' })
  name!: string;

  @Field(() => Role, { description: 'What it may do.' })
  role!: Role;

  @Field(() => DateTimeScalar, { description: 'When it was created.' })
  createdAt!: string;

  @Field(() => String, { description: 'Who created it.' })
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: string | null;

  @Field(() => String, { description: 'Who revoked it; null while it works.', nullable: true })
  revokedBy!: string | null;
}

@ObjectType({ description: 'A token just created, with its key: shown this once, stored only as a hash.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'Send it as "Authorization: Bearer <key>". Keep it secret.' })
  key!: string;

  @Field(() => ApiToken, { description: 'The token as listed by apiTokens.' })
  apiToken!: ApiToken;
}
