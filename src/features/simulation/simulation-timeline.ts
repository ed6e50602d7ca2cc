import {
  DEFAULT_RESTOCK_RATE,
  type BlockSet,
  type CapacityChange,
  type SimulationEvent,
  type SimulationInput,
} from '../../engine';
import { toLinkFilter } from '../supply-link/link-filter.input';
import type { BlockSetType, SimulationTimelineType } from './simulation-timeline.type';
import type {
  BlockSetInput,
  CapacityChangeInput,
  SimulationEventInput,
  SimulationInputType,
  SimulationTimelineInput,
} from './simulation.input';

/** Events over a horizon, as plain data: what a saved scenario stores (JSON) and a simulation runs. */
export interface SimulationTimeline {
  horizonDays: number;
  restockRate: number | null;
  events: SimulationEvent[];
}

/** The GraphQL timeline as plain data; lists left out stay out, so stored timelines keep only what was given. */
export function toSimulationTimeline(input: SimulationTimelineInput): SimulationTimeline {
  return {
    horizonDays: input.horizonDays,
    restockRate: input.restockRate ?? null,
    events: input.events.map(toSimulationEvent),
  };
}

/** The GraphQL simulation input as the engine's. */
export function toSimulationInput(input: SimulationInputType): SimulationInput {
  return {
    ...toSimulationTimeline(input),
    includeCurrentState: input.includeCurrentState ?? false,
    watch: input.watch ?? null,
  };
}

function toSimulationEvent(input: SimulationEventInput): SimulationEvent {
  const event: SimulationEvent = { day: input.day };
  if (input.block) event.block = toBlockSet(input.block);
  if (input.unblock) event.unblock = toBlockSet(input.unblock);
  if (input.setCapacity) event.setCapacity = input.setCapacity.map(toCapacityChange);
  return event;
}

function toBlockSet(input: BlockSetInput): BlockSet {
  const set: { -readonly [K in keyof BlockSet]: BlockSet[K] } = {};
  if (input.links) set.links = input.links;
  if (input.enterprises) set.enterprises = input.enterprises;
  if (input.regions) set.regions = input.regions;
  if (input.modes) set.modes = input.modes;
  if (input.linksWhere) set.linksWhere = input.linksWhere.map(toLinkFilter);
  return set;
}

function toCapacityChange(input: CapacityChangeInput): CapacityChange {
  return {
    enterpriseId: input.enterpriseId ?? null,
    region: input.region ?? null,
    capacity: input.capacity,
  };
}

/** A stored timeline as the schema's SimulationTimeline: every list present, the default rate filled in. */
export function describeTimeline(timeline: SimulationTimeline): SimulationTimelineType {
  return {
    horizonDays: timeline.horizonDays,
    restockRate: timeline.restockRate ?? DEFAULT_RESTOCK_RATE,
    events: timeline.events.map((event) => ({
      day: event.day,
      block: event.block ? describeBlockSet(event.block) : null,
      unblock: event.unblock ? describeBlockSet(event.unblock) : null,
      setCapacity: (event.setCapacity ?? []).map((change) => ({
        enterpriseId: change.enterpriseId ?? null,
        region: change.region ?? null,
        capacity: change.capacity,
      })),
    })),
  };
}

function describeBlockSet(set: BlockSet): BlockSetType {
  return {
    links: [...(set.links ?? [])],
    enterprises: [...(set.enterprises ?? [])],
    regions: [...(set.regions ?? [])],
    modes: [...(set.modes ?? [])],
    linksWhere: (set.linksWhere ?? []).map((filter) => ({
      modes: filter.modes ? [...filter.modes] : null,
      products: filter.products ? [...filter.products] : null,
      fromRegions: filter.fromRegions ? [...filter.fromRegions] : null,
      toRegions: filter.toRegions ? [...filter.toRegions] : null,
      crossRegion: filter.crossRegion ?? null,
    })),
  };
}
