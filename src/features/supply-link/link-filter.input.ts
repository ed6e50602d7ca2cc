import { ArrayMaxSize, IsBoolean, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { LinkFilter } from '../../engine';
import { MAX_FILTER_VALUES } from '../enterprise/enterprise.args';
import { TransportMode } from '../vocabulary/transport-mode.enum';

/**
 * Links described by what they carry and where they run, e.g. "every road
 * link leaving Fuquan": `{ modes: [ROAD], fromRegions: ["Guizhou/Fuquan"],
 * crossRegion: true }`. Shared by scenario blocks, simulation events and link
 * listings, so one filter means the same links everywhere.
 */
@InputType({
  description:
    'Links by what they carry and where they run. Fields combine with AND, the values of one field with OR; ' +
    'an empty list matches no link.',
})
export class LinkFilterInput {
  @Field(() => [TransportMode], { nullable: true, description: 'Only links of these transport modes.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  modes?: TransportMode[] | null;

  @Field(() => [String], { nullable: true, description: 'Only links carrying these products.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'products must be at most 200 characters each' })
  products?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only links whose supplier lies in one of these regions.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'fromRegions must be at most 200 characters each' })
  fromRegions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Only links whose customer lies in one of these regions.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @MaxLength(200, { each: true, message: 'toRegions must be at most 200 characters each' })
  toRegions?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only links between two regions; false: only links within one region.',
  })
  @IsOptional()
  @IsBoolean()
  crossRegion?: boolean | null;
}

/** The engine's form of the filter. */
export function toLinkFilter(input: LinkFilterInput): LinkFilter {
  return {
    modes: input.modes ?? null,
    products: input.products ?? null,
    fromRegions: input.fromRegions ?? null,
    toRegions: input.toRegions ?? null,
    crossRegion: input.crossRegion ?? null,
  };
}
