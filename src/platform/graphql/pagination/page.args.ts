import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE } from './cursor';
import { DEFAULT_PAGE_SIZE } from './page-request';

const CURSOR_RULE = 'is not a cursor this service issued';

/** `first`/`after` and `last`/`before` of every Relay connection. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size reading forward, 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given.`,
  })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page, reading forward.' })
  @IsOptional()
  @MaxLength(400, { message: `after ${CURSOR_RULE}` })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size reading backward, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @Min(1, { message: 'last must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `last must be at most ${MAX_PAGE_SIZE}` })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'startCursor of the next page, reading backward; from the end when omitted.',
  })
  @IsOptional()
  @MaxLength(400, { message: `before ${CURSOR_RULE}` })
  before?: string | null;
}
