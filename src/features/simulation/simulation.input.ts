import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DEFAULT_RESTOCK_RATE, MAX_HORIZON_DAYS } from '../../engine';
import { LinkFilterInput } from '../supply-link/link-filter.input';
import { ID_LENGTH_RULE, ID_MAX_LENGTH } from '../vocabulary/id-pattern';
import { TransportMode } from '../vocabulary/transport-mode.enum';
import {
  MAX_BLOCK_SET_FILTERS,
  MAX_BLOCK_SET_IDS,
  MAX_CAPACITY_CHANGES,
  MAX_SIMULATION_EVENTS,
  MAX_WATCHED,
} from './simulation-limits';

// The classes below hold the size caps only; what depends on the graph or on other fields (days within the
// horizon, known ids, capacities 0..1) is checked by the engine's findSimulationInputProblems, so that one
// refusal names every such problem at once.

@InputType({
  description:
    'Things to block or unblock, one set per kind. An unblock removes what it names from the set of its own kind ' +
    'only: a link unblocked by id stays blocked while its mode is.',
})
export class BlockSetInput {
  @Field(() => [ID], { nullable: true, description: 'Supply links.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCK_SET_IDS)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `links ${ID_LENGTH_RULE} each` })
  links?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Enterprises down; their links stay open.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCK_SET_IDS)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `enterprises ${ID_LENGTH_RULE} each` })
  enterprises?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Regions whose every enterprise is down.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCK_SET_IDS)
  @MaxLength(200, { each: true, message: 'regions must be at most 200 characters each' })
  regions?: string[] | null;

  @Field(() => [TransportMode], { nullable: true, description: 'Modes whose every link is blocked.' })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCK_SET_IDS)
  modes?: TransportMode[] | null;

  @Field(() => [LinkFilterInput], {
    nullable: true,
    description: 'Every link each filter matches; an unblock names a filter by the same values.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_BLOCK_SET_FILTERS)
  @ValidateNested({ each: true })
  linksWhere?: LinkFilterInput[] | null;
}

@InputType({ description: 'The capacity of one enterprise, or of every enterprise of a region, from this day on.' })
export class CapacityChangeInput {
  @Field(() => ID, { nullable: true, description: 'The enterprise; give exactly one of enterpriseId and region.' })
  @IsOptional()
  @MaxLength(ID_MAX_LENGTH, { message: `enterpriseId ${ID_LENGTH_RULE}` })
  enterpriseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Every enterprise of this region.' })
  @IsOptional()
  @MaxLength(200, { message: 'region must be at most 200 characters' })
  region?: string | null;

  @Field(() => Float, { description: 'Share of normal output it can run at, 0..1 (its own factor).' })
  capacity!: number;
}

@InputType({
  description: 'What changes before day `day` is computed; within one event: block, then unblock, then capacity.',
})
export class SimulationEventInput {
  @Field(() => Int, { description: '0 .. horizonDays - 1.' })
  day!: number;

  @Field(() => BlockSetInput, { description: 'What starts being blocked that day.', nullable: true })
  @IsOptional()
  @ValidateNested()
  block?: BlockSetInput | null;

  @Field(() => BlockSetInput, { description: 'What stops being blocked that day.', nullable: true })
  @IsOptional()
  @ValidateNested()
  unblock?: BlockSetInput | null;

  @Field(() => [CapacityChangeInput], { description: 'Capacities that change that day.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_CAPACITY_CHANGES)
  @ValidateNested({ each: true })
  setCapacity?: CapacityChangeInput[] | null;
}

/** A timeline of events over a horizon: what a saved scenario keeps, and the core of a simulation. */
@InputType({ description: 'Events day by day over a horizon, with the restock rate of the stocks.' })
export class SimulationTimelineInput {
  @Field(() => Int, { description: `Days simulated, 0 .. horizonDays - 1; 1 to ${MAX_HORIZON_DAYS}.` })
  horizonDays!: number;

  @Field(() => Float, {
    nullable: true,
    defaultValue: DEFAULT_RESTOCK_RATE,
    description:
      'rho, at least 0: per day, stock refills by up to rho x the volume of open links whose supplier runs in full.',
  })
  restockRate?: number | null;

  @Field(() => [SimulationEventInput], { description: 'Applied day by day; events of one day in list order.' })
  @ArrayMaxSize(MAX_SIMULATION_EVENTS)
  @ValidateNested({ each: true })
  events!: SimulationEventInput[];
}

/** The schema's SimulationInput; the class carries a suffix so it never shadows the engine's SimulationInput. */
@InputType('SimulationInput', { description: 'A day-by-day simulation: a timeline on top of a base.' })
export class SimulationInputType extends SimulationTimelineInput {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Start from the real current state (what is BLOCKED, STALLED or CLOSED now starts blocked).',
  })
  includeCurrentState?: boolean | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Enterprises whose fraction is returned for every day (at most ${MAX_WATCHED}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WATCHED)
  @MaxLength(ID_MAX_LENGTH, { each: true, message: `watch ${ID_LENGTH_RULE} each` })
  watch?: string[] | null;
}
