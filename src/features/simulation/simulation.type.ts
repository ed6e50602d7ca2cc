import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { LostOutputByUnit, SimulationDay, SimulationInput } from '../../engine';
import { ConnectionType } from '../../platform/graphql/pagination/connection.type';
import type { SimulationAnswer } from './run-simulation-job';

/** The id of a per-enterprise row of a simulation (see scenarioScope). */
const SIMULATION_ROW_ID =
  'This row’s id, scoped to the simulation it belongs to: <scope>:<enterprise id>, the scope a hash of the ' +
  'simulation input and the graph version, so normalised client caches keep simulations apart; the enterprise ' +
  'itself is `enterprise`.';

@ObjectType('SimulationDay', { description: 'One day of a simulation; values in CNY for that day (§8).' })
export class SimulationDayType implements SimulationDay {
  @Field(() => Int, { description: '0 .. horizonDays - 1.' })
  day!: number;

  @Field(() => Int, { description: 'Enterprises with no output that day while they have some in the baseline.' })
  stalledCount!: number;

  @Field(() => Int, { description: 'Not stalled, and below the baseline fraction by more than 1e-6.' })
  partialCount!: number;

  @Field(() => Float, {
    description: 'The sum over producers of dailyOutputValue x (baseline fraction - fraction), CNY.',
  })
  lostOutputValue!: number;

  @Field(() => Float, { description: 'The same over pass-throughs (markets, trade, logistics), kept apart.' })
  lostTradeValue!: number;

  @Field(() => Float, {
    description: 'The part of lostOutputValue lost by producers down that day or set below their base capacity.',
  })
  directLostOutputValue!: number;

  @Field(() => Float, { description: 'The rest of lostOutputValue: the loss that travelled along the chain.' })
  indirectLostOutputValue!: number;

  @Field(() => Int, {
    description: 'Stalled or partial producers that day without a dailyOutputValue: what the values leave out.',
  })
  unvaluedAffectedProducers!: number;
}

@ObjectType('EnterpriseTrajectory', {
  description: 'An enterprise stalled or partial on some day of a simulation: when, how deep, and for how long.',
})
export class EnterpriseTrajectoryType {
  @Field(() => ID, { description: SIMULATION_ROW_ID })
  id!: string;

  /** The enterprise the row is about; the `enterprise` field resolves it. */
  enterpriseId!: string;

  @Field(() => Boolean, { description: 'A market, trade firm or logistics node: its loss is trade value.' })
  passThrough!: boolean;

  @Field(() => Float, { description: 'Its fraction in the baseline, without events.' })
  baselineFraction!: number;

  @Field(() => Int, { description: 'First day it was stalled or partial.' })
  firstAffectedDay!: number;

  @Field(() => Int, { nullable: true, description: 'First day it was stalled; null if never.' })
  firstStallDay!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The day after the last day it was stalled or partial; null when still affected on the last day.',
  })
  recoveredOnDay!: number | null;

  @Field(() => Float, { description: 'Its lowest fraction over the horizon.' })
  minFraction!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Cumulative lost output value over the horizon (producers); null for a pass-through or unvalued.',
  })
  lostOutputValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Cumulative lost trade value over the horizon (pass-throughs); null for a producer or unvalued.',
  })
  lostTradeValue!: number | null;

  @Field(() => [Float], { nullable: true, description: 'Its fraction on every day; only for watched enterprises.' })
  series!: number[] | null;
}

export const EnterpriseTrajectoryConnection = ConnectionType(
  'EnterpriseTrajectory',
  EnterpriseTrajectoryType,
  'enterprise trajectory',
);

@ObjectType('WatchedSeries', { description: 'A watched enterprise’s fraction on every day, affected or not.' })
export class WatchedSeriesType {
  @Field(() => ID, { description: SIMULATION_ROW_ID })
  id!: string;

  /** The enterprise the row is about; the `enterprise` field resolves it. */
  enterpriseId!: string;

  @Field(() => Float, { description: 'Its fraction in the baseline, without events.' })
  baselineFraction!: number;

  @Field(() => [Float], { description: 'Its fraction on days 0 .. horizonDays - 1.' })
  series!: number[];
}

@ObjectType('LostOutputByUnit', { description: 'Physical output lost, in one unit (never added across units).' })
export class LostOutputByUnitType implements LostOutputByUnit {
  @Field(() => String, { nullable: true, description: 'The unit; null for enterprises without one.' })
  unit!: string | null;

  @Field(() => Float, { description: 'Output lost over the horizon, in unit.' })
  amount!: number;
}

/** The job's answer, with the input it ran (a page of trajectories the job did not build is asked for again). */
@ObjectType('SimulationResult', { description: 'How a shock unfolds and heals day by day (§9).' })
export class SimulationResultType {
  @Field(() => Int, { description: 'Graph version the simulation ran on.' })
  graphVersion!: number;

  @Field(() => Int, { description: 'Days simulated.' })
  horizonDays!: number;

  @Field(() => Float, { description: 'Rho of the stocks’ refill, as run.' })
  restockRate!: number;

  @Field(() => [SimulationDayType], { description: 'Days 0 .. horizonDays - 1, in order.' })
  days!: SimulationDayType[];

  @Field(() => Float, { description: 'Sum of the days’ lostOutputValue.' })
  cumulativeLostOutputValue!: number;

  @Field(() => Float, { description: 'Sum of the days’ lostTradeValue.' })
  cumulativeLostTradeValue!: number;

  @Field(() => Float, { description: 'Sum of the days’ directLostOutputValue, CNY.' })
  cumulativeDirectLostOutputValue!: number;

  @Field(() => Float, { description: 'Sum of the days’ indirectLostOutputValue, CNY.' })
  cumulativeIndirectLostOutputValue!: number;

  @Field(() => [LostOutputByUnitType], {
    description: 'Physical output lost by producers over the horizon, per unit (dailyCapacity x lost days).',
  })
  cumulativeLostOutputByUnit!: LostOutputByUnitType[];

  @Field(() => Int, {
    description: 'Producers among the trajectories without a dailyOutputValue: the values leave them out.',
  })
  unvaluedAffectedProducers!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The day with the largest lostOutputValue, the earliest of ties; null when no day loses any.',
  })
  peakDay!: number | null;

  @Field(() => Boolean, { description: 'False when a day’s fractions inside a cycle did not settle.' })
  converged!: boolean;

  /** What the simulation was computed from (scenarioScope): the prefix of its rows' ids. */
  scope!: string;
  answer!: SimulationAnswer;
  input!: SimulationInput;
}
