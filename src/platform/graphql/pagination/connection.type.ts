import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** A page of nodes as the service hands it to the resolvers. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  /** The edges' nodes, for clients that need no cursors. */
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the Relay connection and edge types for one node type.
 * @see https://relay.dev/graphql/connections.htm
 */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} of a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass it as after (or before) to page on from this node.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription}s, Relay style.` })
  class Connection implements Page<T> {
    @Field(() => [Edge], { description: 'The nodes of the page with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The nodes of the page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where the page lies and whether there is more either way.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Count of all nodes matching, over all pages.' })
    totalCount!: number;
  }
  return Connection;
}
