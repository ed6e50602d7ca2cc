import type { SimulationDay } from '../../../engine';
import type { TransportMode } from './api';

export type { SimulationDay };
import { graphql } from '../shared/graphql-client';

/** The shapes of schema.graphql the timeline panel sends and reads (`simulate`). */

export interface BlockSetInput {
  links?: string[];
  enterprises?: string[];
  regions?: string[];
  modes?: TransportMode[];
}

export interface CapacityChangeInput {
  enterpriseId?: string;
  region?: string;
  capacity: number;
}

export interface SimulationEventInput {
  day: number;
  block?: BlockSetInput;
  unblock?: BlockSetInput;
  setCapacity?: CapacityChangeInput[];
}

export interface SimulationInput {
  horizonDays: number;
  restockRate: number;
  includeCurrentState: boolean;
  events: SimulationEventInput[];
  watch: string[];
}

export interface WatchedSeries {
  /** The row's id is scoped to the simulation; the enterprise is this. */
  enterprise: { id: string };
  baselineFraction: number;
  series: number[];
}

export interface Simulation {
  horizonDays: number;
  days: SimulationDay[];
  cumulativeLostOutputValue: number;
  cumulativeDirectLostOutputValue: number;
  cumulativeIndirectLostOutputValue: number;
  unvaluedAffectedProducers: number;
  peakDay: number | null;
  watched: WatchedSeries[];
  trajectories: { totalCount: number };
}

/** Most drawn enterprises whose daily series the panel asks for (the service takes 500). */
export const MAX_WATCHED = 500;

const SIMULATE = /* GraphQL */ `
  query ExplorerSimulate($input: SimulationInput!) {
    simulate(input: $input) {
      horizonDays
      days {
        day
        stalledCount
        partialCount
        lostOutputValue
        lostTradeValue
        directLostOutputValue
        indirectLostOutputValue
        unvaluedAffectedProducers
      }
      cumulativeLostOutputValue
      cumulativeDirectLostOutputValue
      cumulativeIndirectLostOutputValue
      unvaluedAffectedProducers
      peakDay
      watched {
        enterprise {
          id
        }
        baselineFraction
        series
      }
      trajectories(first: 1) {
        totalCount
      }
    }
  }
`;

export async function fetchSimulation(input: SimulationInput): Promise<Simulation> {
  const data = await graphql<{ simulate: Simulation }>(SIMULATE, { input });
  return data.simulate;
}

/** What a watched enterprise is on one day: stalled at 0 while its baseline runs, partial when below it. */
export type DayOutcome = 'stalled' | 'partial' | 'running';

export function outcomeOn(watched: WatchedSeries, day: number): DayOutcome {
  const fraction = watched.series[day];
  if (fraction === undefined) return 'running';
  if (fraction === 0 && watched.baselineFraction > 0) return 'stalled';
  return fraction < watched.baselineFraction - 1e-6 ? 'partial' : 'running';
}
