import { Field, ObjectType } from 'type-graphql';

/** Relay page info. @see https://relay.dev/graphql/connections.htm#sec-undefined.PageInfo */
@ObjectType({ description: 'Where a page lies in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More nodes follow the last of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'More nodes come before the first of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first node; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last node; null on an empty page.' })
  endCursor!: string | null;
}
