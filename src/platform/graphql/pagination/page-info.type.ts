import { Field, ObjectType } from 'type-graphql';

/** Relay page info. @see https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
