import { Field, ObjectType } from 'type-graphql';
import type { LinkFilter } from '../../engine';
import { TransportMode } from '../vocabulary/transport-mode.enum';

/** A link filter as stored with a saved scenario: the fields of LinkFilterInput, null where not given. */
@ObjectType('LinkFilter', { description: 'Links by what they carry and where they run (see LinkFilterInput).' })
export class LinkFilterType implements LinkFilter {
  @Field(() => [TransportMode], { description: 'One of these modes.', nullable: true })
  modes!: TransportMode[] | null;

  @Field(() => [String], { description: 'Carrying one of these products.', nullable: true })
  products!: string[] | null;

  @Field(() => [String], { description: 'Supplier in one of these regions.', nullable: true })
  fromRegions!: string[] | null;

  @Field(() => [String], { description: 'Customer in one of these regions.', nullable: true })
  toRegions!: string[] | null;

  @Field(() => Boolean, {
    description: 'True: only links between regions; false: only within one; null: either.',
    nullable: true,
  })
  crossRegion!: boolean | null;
}
