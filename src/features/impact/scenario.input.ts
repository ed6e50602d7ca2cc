import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { LinkFilterInput } from '../supply-link/link-filter.input';
import { LinkFilterType } from '../supply-link/link-filter.type';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import { IsDuration } from './duration.validator';
import { MAX_LINK_FILTERS, MAX_SCENARIO_BLOCKS as MAX_BLOCKS } from './impact-limits';

/**
 * A what-if: what is blocked on top of the baseline. The baseline is every
 * enterprise operating and every link open, or with includeCurrentState the
 * real current state.
 */
@InputType({
  description: 'A what-if: links, enterprises, regions and transport modes to block, on top of the baseline.',
})
export class ScenarioInput {
  @Field(() => [ID], { nullable: true, description: 'Supply links to block.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCKS)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `blockLinks ${ID_LENGTH_RULE} each` })
  blockLinks?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Enterprises to take down.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCKS)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `blockEnterprises ${ID_LENGTH_RULE} each` })
  blockEnterprises?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Regions whose every enterprise is taken down.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCKS)
  @MaxLength(200, { each: true, message: 'blockRegions must be at most 200 characters each' })
  blockRegions?: string[] | null;

  @Field(() => [TransportMode], { nullable: true, description: 'Modes whose every link is blocked, e.g. ROAD.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCKS)
  blockModes?: TransportMode[] | null;

  @Field(() => [LinkFilterInput], {
    nullable: true,
    description:
      'Every link one of these filters matches is blocked: "the road links leaving Fuquan" is ' +
      '{modes: [ROAD], fromRegions: ["Guizhou/Fuquan"], crossRegion: true}.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_LINK_FILTERS)
  @ValidateNested({ each: true })
  blockLinksWhere?: LinkFilterInput[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Start from the real current state instead of everything running.',
  })
  includeCurrentState!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'How long the blocks last, in days, more than 0; inventories buffer them. Unbounded when omitted.',
  })
  @IsDuration()
  durationDays?: number | null;
}

@ObjectType('Scenario', { description: 'A scenario as it was saved.' })
export class ScenarioSpec {
  @Field(() => [ID], { description: 'Supply links blocked.' })
  blockLinks!: string[];

  @Field(() => [ID], { description: 'Enterprises taken down.' })
  blockEnterprises!: string[];

  @Field(() => [String], { description: 'Regions whose every enterprise is taken down.' })
  blockRegions!: string[];

  @Field(() => [TransportMode], { description: 'Modes whose every link is blocked.' })
  blockModes!: TransportMode[];

  @Field(() => [LinkFilterType], { description: 'Link filters whose links are blocked.' })
  blockLinksWhere!: LinkFilterType[];

  @Field(() => Boolean, { description: 'Starts from the real current state.' })
  includeCurrentState!: boolean;

  @Field(() => Float, { description: 'How long the blocks last, in days; null: unbounded.', nullable: true })
  durationDays!: number | null;
}
