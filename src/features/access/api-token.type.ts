import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './role.enum';

@ObjectType({ description: 'An API token: who it is for and what it may do. The key itself is never shown again.' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Its writes are recorded as token:<name>.' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { description: 'ISO 8601 date-time it was created.' })
  createdAt!: string;

  @Field(() => String, { description: 'Who created it.' })
  createdBy!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date-time it was revoked; null while it works.' })
  revokedAt!: string | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;
}

@ObjectType({ description: 'A token just created, with its key: shown this once, stored only as a hash.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'Send it as "Authorization: Bearer <key>". Keep it secret.' })
  key!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}
