import { Field, ObjectType } from 'type-graphql';
import type { LinkFilter } from '../../engine';
import { TransportMode } from '../vocabulary/transport-mode.enum';

/** A link filter as stored with a saved scenario: the fields of LinkFilterInput, null where not given. */
@ObjectType('LinkFilter', { description: 'Links by what they carry and where they run (see LinkFilterInput).' })
export class LinkFilterType implements LinkFilter {
  @Field(() => [TransportMode], { nullable: true })
  modes!: TransportMode[] | null;

  @Field(() => [String], { nullable: true })
  products!: string[] | null;

  @Field(() => [String], { nullable: true })
  fromRegions!: string[] | null;

  @Field(() => [String], { nullable: true })
  toRegions!: string[] | null;

  @Field(() => Boolean, { nullable: true })
  crossRegion!: boolean | null;
}
