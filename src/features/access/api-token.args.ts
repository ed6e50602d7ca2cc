import { IsEnum, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { Role } from './role.enum';

/** Token names: what the history shows after `token:`. */
export const TOKEN_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const TOKEN_NAME_RULE =
  'name must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';

@ArgsType()
export class CreateApiTokenArgs {
  @Field(() => String, { description: 'Unique for ever: who or what uses the token, e.g. "ops-dashboard".' })
  @MaxLength(64, { message: TOKEN_NAME_RULE })
  @Matches(TOKEN_NAME_PATTERN, { message: TOKEN_NAME_RULE })
  name!: string;

  @Field(() => Role, { description: 'What the token may do.' })
  @IsEnum(Role, { message: 'role must be one of VIEWER, ANALYST, EDITOR, ADMIN' })
  role!: Role;
}

@ArgsType()
export class RevokeApiTokenArgs {
  @Field(() => ID, { description: 'Id of the token, as apiTokens lists it.' })
  @MaxLength(64)
  id!: string;
}
