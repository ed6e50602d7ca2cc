import type { ScenarioInput, TransportMode } from './api';
import type { BlockSetInput, SimulationEventInput } from './timeline-api';

/** What an event of the timeline editor acts on; `id` is what the API takes (an id, a region name, a mode). */
export interface EventTarget {
  type: 'enterprise' | 'link' | 'region' | 'mode';
  id: string;
  label: string;
}

/** A block from one day until it reopens (null: to the end), or a capacity step from one day on. */
export type TimelineEvent =
  | { kind: 'block'; target: EventTarget; from: number; reopens: number | null }
  | { kind: 'capacity'; target: EventTarget; day: number; capacity: number };

/** First day of an event (what must lie within the horizon). */
export const startDay = (event: TimelineEvent) => (event.kind === 'block' ? event.from : event.day);

/** "Block X · days 3–9", "X at 60% from day 7". */
export function describeEvent(event: TimelineEvent): string {
  if (event.kind === 'capacity') {
    return `${event.target.label} at ${Math.round(event.capacity * 100)}% from day ${event.day}`;
  }
  const days =
    event.reopens === null
      ? `from day ${event.from} on`
      : event.reopens - 1 === event.from
        ? `day ${event.from}`
        : `days ${event.from}–${event.reopens - 1}`;
  return `Block ${event.target.label} · ${days}`;
}

function blockSetOf(target: EventTarget): BlockSetInput {
  switch (target.type) {
    case 'enterprise':
      return { enterprises: [target.id] };
    case 'link':
      return { links: [target.id] };
    case 'region':
      return { regions: [target.id] };
    case 'mode':
      return { modes: [target.id as TransportMode] };
  }
}

/**
 * The simulation events of the scenario being edited: its blocked links and
 * enterprises from day 0 (reopened on day ceil(durationDays) when it has a
 * duration, as a saved scenario's timeline does), then the editor's events.
 * Reopenings past the horizon are left out: blocked to the end.
 */
export function simulationEvents(
  scenario: ScenarioInput,
  events: readonly TimelineEvent[],
  horizonDays: number,
): SimulationEventInput[] {
  const out: SimulationEventInput[] = [];
  const blocks: BlockSetInput = { links: scenario.blockLinks ?? [], enterprises: scenario.blockEnterprises ?? [] };
  // Whole regions and modes of the scenario block from day 0 too.
  if (scenario.blockRegions?.length) blocks.regions = scenario.blockRegions;
  if (scenario.blockModes?.length) blocks.modes = scenario.blockModes;
  const size = [blocks.links, blocks.enterprises, blocks.regions, blocks.modes].reduce(
    (n, l) => n + (l?.length ?? 0),
    0,
  );
  if (size > 0) {
    out.push({ day: 0, block: blocks });
    const end = scenario.durationDays === undefined ? null : Math.ceil(scenario.durationDays);
    if (end !== null && end < horizonDays) out.push({ day: end, unblock: blocks });
  }
  for (const event of events) {
    if (event.kind === 'capacity') {
      const change =
        event.target.type === 'region'
          ? { region: event.target.id, capacity: event.capacity }
          : { enterpriseId: event.target.id, capacity: event.capacity };
      out.push({ day: event.day, setCapacity: [change] });
      continue;
    }
    const set = blockSetOf(event.target);
    out.push({ day: event.from, block: set });
    if (event.reopens !== null && event.reopens < horizonDays) out.push({ day: event.reopens, unblock: set });
  }
  return out;
}
