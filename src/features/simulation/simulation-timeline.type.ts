import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LinkFilterType } from '../supply-link/link-filter.type';
import { TransportMode } from '../vocabulary/transport-mode.enum';

// A timeline as it was saved, for reading back: the output twins of the input classes in simulation.input.ts.

@ObjectType('BlockSet', { description: 'Things blocked or unblocked by an event, one list per kind.' })
export class BlockSetType {
  @Field(() => [ID], { description: 'Supply link ids.' })
  links!: string[];

  @Field(() => [ID], { description: 'Enterprise ids.' })
  enterprises!: string[];

  @Field(() => [String], { description: 'Regions; every enterprise of each.' })
  regions!: string[];

  @Field(() => [TransportMode], { description: 'Transport modes; every link of each.' })
  modes!: TransportMode[];

  @Field(() => [LinkFilterType], { description: 'Link filters; every link each matches.' })
  linksWhere!: LinkFilterType[];
}

@ObjectType('CapacityChange', { description: 'The capacity of one enterprise or of every enterprise of a region.' })
export class CapacityChangeType {
  @Field(() => ID, { description: 'The enterprise; null when a region is named.', nullable: true })
  enterpriseId!: string | null;

  @Field(() => String, {
    description: 'Every enterprise of this region; null when an enterprise is named.',
    nullable: true,
  })
  region!: string | null;

  @Field(() => Float, { description: 'Share of normal output it can run at, 0..1.' })
  capacity!: number;
}

@ObjectType('SimulationEvent', { description: 'What changes before a day is computed.' })
export class SimulationEventType {
  @Field(() => Int, { description: 'The day it applies from, 0 .. horizonDays - 1.' })
  day!: number;

  @Field(() => BlockSetType, { description: 'What starts being blocked that day.', nullable: true })
  block!: BlockSetType | null;

  @Field(() => BlockSetType, { description: 'What stops being blocked that day.', nullable: true })
  unblock!: BlockSetType | null;

  @Field(() => [CapacityChangeType], { description: 'Capacities that change that day.' })
  setCapacity!: CapacityChangeType[];
}

@ObjectType('SimulationTimeline', { description: 'Events day by day over a horizon, as saved.' })
export class SimulationTimelineType {
  @Field(() => Int, { description: 'Days simulated.' })
  horizonDays!: number;

  @Field(() => Float, { description: 'Rho of the stocks’ refill.' })
  restockRate!: number;

  @Field(() => [SimulationEventType], { description: 'The events, by day.' })
  events!: SimulationEventType[];
}
