import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type of a record node(id:) found, told apart by the fields only that type has. */
export function nodeTypeOf(value: object): 'Enterprise' | 'SupplyLink' | 'SavedScenario' {
  if ('product' in value) return 'SupplyLink';
  if ('scenario' in value) return 'SavedScenario';
  return 'Enterprise';
}

@InterfaceType('Node', {
  description:
    'Anything with a stable id that node(id:) finds again (Relay object identification). Ids are the readable ' +
    'external ids, unique across types.',
  resolveType: nodeTypeOf,
})
export abstract class Node {
  @Field(() => ID, { description: 'Stable id, unique across every type that implements Node.' })
  id!: string;
}
