import { DateTimeScalar } from '../../platform/graphql/date-time.scalar';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('GraphChange', {
  description:
    'One committed write to the supply graph, made by any service instance: read what changedIds name again ' +
    '(or everything, when listed is false).',
})
export class GraphChangeType {
  @Field(() => Int, { description: 'The graph version the write made; versions only grow.' })
  version!: number;

  @Field(() => [ID], {
    description: 'Ids of the enterprises and supply links the write created, changed or deleted.',
  })
  changedIds!: string[];

  @Field(() => Boolean, {
    description: 'False when the write changed too many things to list (an import): changedIds is then empty.',
  })
  listed!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the write committed.' })
  at!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who wrote: token:<name>, jwt:<sub>, anonymous, or a command such as cli:import; null when unknown.',
  })
  actor!: string | null;

  @Field(() => String, { description: 'The write that made it: setEnterpriseStatus, importGraph, ...' })
  operation!: string;
}
