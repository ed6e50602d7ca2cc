import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LinkFilterType } from '../supply-link/link-filter.type';
import { TransportMode } from '../vocabulary/transport-mode.enum';

// A timeline as it was saved, for reading back: the output twins of the input classes in simulation.input.ts.

@ObjectType('BlockSet', { description: 'Things blocked or unblocked by an event, one list per kind.' })
export class BlockSetType {
  @Field(() => [ID])
  links!: string[];

  @Field(() => [ID])
  enterprises!: string[];

  @Field(() => [String])
  regions!: string[];

  @Field(() => [TransportMode])
  modes!: TransportMode[];

  @Field(() => [LinkFilterType])
  linksWhere!: LinkFilterType[];
}

@ObjectType('CapacityChange', { description: 'The capacity of one enterprise or of every enterprise of a region.' })
export class CapacityChangeType {
  @Field(() => ID, { nullable: true })
  enterpriseId!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => Float)
  capacity!: number;
}

@ObjectType('SimulationEvent', { description: 'What changes before a day is computed.' })
export class SimulationEventType {
  @Field(() => Int)
  day!: number;

  @Field(() => BlockSetType, { nullable: true })
  block!: BlockSetType | null;

  @Field(() => BlockSetType, { nullable: true })
  unblock!: BlockSetType | null;

  @Field(() => [CapacityChangeType])
  setCapacity!: CapacityChangeType[];
}

@ObjectType('SimulationTimeline', { description: 'Events day by day over a horizon, as saved.' })
export class SimulationTimelineType {
  @Field(() => Int)
  horizonDays!: number;

  @Field(() => Float, { description: 'rho of the stocks’ refill.' })
  restockRate!: number;

  @Field(() => [SimulationEventType])
  events!: SimulationEventType[];
}
