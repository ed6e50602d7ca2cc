import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import { SupplyLink } from '../supply-link/supply-link.type';

export enum ChainDirection {
  UPSTREAM = 'UPSTREAM',
  DOWNSTREAM = 'DOWNSTREAM',
  BOTH = 'BOTH',
}

registerEnumType(ChainDirection, {
  name: 'ChainDirection',
  description: 'UPSTREAM follows suppliers, DOWNSTREAM follows customers.',
});

@ObjectType({ description: 'An enterprise of a chain with its place in the layout.' })
export class ChainNode {
  @Field(() => Enterprise)
  enterprise!: EnterpriseRecord;

  @Field(() => Int, { description: 'Hops from the enterprise the chain was drawn for.' })
  depth!: number;

  @Field(() => Int, { description: 'Layout tier: negative upstream, 0 for the start, positive downstream.' })
  tier!: number;
}

@ObjectType({ description: 'The supply chain around one enterprise, within a number of hops.' })
export class Chain {
  @Field(() => [ChainNode])
  nodes!: ChainNode[];

  @Field(() => [SupplyLink], {
    description:
      'Links among the nodes, by id: every link between two of them (links: ALL, the default), or only the links ' +
      'walked to reach them (links: WALKED).',
  })
  links!: SupplyLinkRecord[];

  @Field(() => Boolean, { description: 'True when maxNodes cut the chain short.' })
  truncated!: boolean;
}

@ObjectType({ description: 'One shortest supply path, from supplier to customer.' })
export class SupplyPath {
  @Field(() => Int, { description: 'Number of links.' })
  length!: number;

  @Field(() => [Enterprise])
  enterprises!: EnterpriseRecord[];

  @Field(() => [SupplyLink])
  links!: SupplyLinkRecord[];
}
