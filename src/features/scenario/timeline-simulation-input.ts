import type { BlockSet, Scenario, SimulationEvent, SimulationInput } from '../../engine';
import type { SimulationTimeline } from '../simulation/simulation-timeline';

/**
 * The simulation of a saved scenario with a timeline: the scenario's blocks
 * (its link filters too) from day 0 (lifted on day ceil(durationDays) when it has a duration that
 * ends within the horizon), then the timeline's events, on the scenario's
 * base (includeCurrentState). A timeline event may lift a scenario block
 * like any other, since both land in the same sets.
 */
export function timelineSimulationInput(
  scenario: Required<Scenario>,
  timeline: SimulationTimeline,
  watch: readonly string[] | null,
): SimulationInput {
  const blocks: BlockSet = {
    links: scenario.blockLinks,
    enterprises: scenario.blockEnterprises,
    regions: scenario.blockRegions,
    modes: scenario.blockModes,
    linksWhere: scenario.blockLinksWhere,
  };
  const blocksSomething = Object.values(blocks).some((list: readonly unknown[]) => list.length > 0);
  const events: SimulationEvent[] = [];
  if (blocksSomething) {
    events.push({ day: 0, block: blocks });
    const end = scenario.durationDays === null ? null : Math.ceil(scenario.durationDays);
    if (end !== null && end < timeline.horizonDays) events.push({ day: end, unblock: blocks });
  }
  return {
    horizonDays: timeline.horizonDays,
    restockRate: timeline.restockRate,
    includeCurrentState: scenario.includeCurrentState,
    events: [...events, ...timeline.events],
    watch,
  };
}
