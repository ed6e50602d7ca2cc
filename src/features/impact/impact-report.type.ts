import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AffectedEnterprise } from '../../engine';
import type { ImpactAnswer } from './impact.jobs';
import { ConnectionType } from '../../platform/graphql/pagination/connection.type';

/** The engine's verdict on one enterprise, under an id scoped to its report; `enterprise` is resolved by enterpriseId. */
@ObjectType('AffectedEnterprise', { description: 'An enterprise a scenario stalls or cuts back, and why.' })
export class AffectedEnterpriseType implements Pick<
  AffectedEnterprise,
  | 'direct'
  | 'outputFraction'
  | 'baselineFraction'
  | 'lostDailyOutput'
  | 'lostOutputValue'
  | 'lostTradeValue'
  | 'stallsOnDay'
  | 'missingInputs'
  | 'cause'
  | 'stalled'
  | 'partial'
> {
  @Field(() => ID, {
    description:
      'This row’s id, scoped to the answer it belongs to: <scope>:<enterprise id>, the scope a hash of the ' +
      'normalised scenario and the graph version. Two scenarios never share a row id, so normalised client caches ' +
      'keep their rows apart; the enterprise itself is `enterprise`.',
  })
  id!: string;

  /** The enterprise the row is about. */
  enterpriseId!: string;

  @Field(() => Boolean, { description: 'Outputs nothing in the scenario (it did in the baseline).' })
  stalled!: boolean;

  @Field(() => Boolean, {
    description: 'Still outputs, but less: a pass-through that lost some products, or a lower output fraction.',
  })
  partial!: boolean;

  @Field(() => Boolean, { description: 'Stalled because it is itself blocked, not through its suppliers.' })
  direct!: boolean;

  @Field(() => Float, { description: 'Share of normal output in the scenario, 0..1.' })
  outputFraction!: number;

  @Field(() => Float, { description: 'Share of normal output in the baseline, 0..1.' })
  baselineFraction!: number;

  @Field(() => Float, {
    description:
      'Producers: dailyOutputValue x (baselineFraction - outputFraction), CNY per day. ' +
      'Null for a market, trade firm or logistics node (see lostTradeValue) and when dailyOutputValue is unknown.',
    nullable: true,
  })
  lostOutputValue!: number | null;

  @Field(() => Float, {
    description:
      'Markets, trade firms and logistics nodes: the value of the goods they no longer forward, CNY per day, ' +
      'kept apart from lost output value (they forward what producers made). Null for producers and when unknown.',
    nullable: true,
  })
  lostTradeValue!: number | null;

  @Field(() => Float, {
    description:
      'Physical output lost per day in the enterprise’s own unit (enterprise.unit): ' +
      'dailyCapacity x (baselineFraction - outputFraction); 0 when dailyCapacity is unknown.',
  })
  lostDailyOutput!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Day it stalls once inventories run out (0 when direct); null when not stalled.',
  })
  stallsOnDay!: number | null;

  @Field(() => [String], { description: 'Products it no longer gets.' })
  missingInputs!: string[];

  @Field(() => [ID], { description: 'Link ids from a block to this enterprise, upstream first; empty when direct.' })
  cause!: string[];
}

export const AffectedEnterpriseConnection = ConnectionType('AffectedEnterprise', AffectedEnterpriseType);

@ObjectType('LostOutput', { description: 'Physical output lost per day in one unit.' })
export class LostOutputType {
  @Field(() => String, { nullable: true, description: 'The unit; null for enterprises that record none.' })
  unit!: string | null;

  @Field(() => Float)
  amount!: number;
}

@ObjectType('ImpactSummary', { description: 'Impact summed over one kind or region.' })
export class ImpactSummaryType {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  stalledCount!: number;

  @Field(() => Int)
  partialCount!: number;

  @Field(() => Float, { description: 'Lost output value of the group’s producers, CNY per day.' })
  lostOutputValue!: number;

  @Field(() => Float, { description: 'Lost trade value of the group’s markets, trade firms and logistics nodes.' })
  lostTradeValue!: number;

  @Field(() => Int, { description: 'Affected producers of the group without a dailyOutputValue.' })
  unvaluedProducerCount!: number;
}

@ObjectType({
  description:
    'The affected part of the graph, for drawing: affected enterprises and the links that stopped delivering.',
})
export class ImpactGraph {
  @Field(() => [AffectedEnterpriseType])
  nodes!: AffectedEnterpriseType[];

  @Field(() => [ID], {
    description:
      'Ids of the enterprises upstream of the affected ones that the drawn links start from; `sources` gives ' +
      'the enterprises themselves.',
  })
  sourceIds!: string[];

  /** Links that deliver in the baseline and not in the scenario; the `links` field resolves them. */
  linkIds!: string[];

  @Field(() => Boolean, { description: 'True when maxNodes cut the drawing short.' })
  truncated!: boolean;
}

/** The engine's answer: the totals, and the pages, summaries and drawings the query asked for. */
@ObjectType({ description: 'Who stalls in a scenario, how much output value is lost, and when.' })
export class ImpactReport {
  @Field(() => Int, { description: 'Graph version the report was computed on.' })
  graphVersion!: number;

  @Field(() => Int)
  stalledCount!: number;

  @Field(() => Int)
  partialCount!: number;

  @Field(() => Float, {
    description:
      'Lost output value, CNY per day: dailyOutputValue x lost share, summed over affected producers only. ' +
      'See unvaluedProducerCount for what it leaves out.',
  })
  lostOutputValue!: number;

  @Field(() => Float, {
    description:
      'Lost trade value, CNY per day: the same over affected markets, trade firms and logistics nodes, ' +
      'never added to lostOutputValue (it would count the same goods again).',
  })
  lostTradeValue!: number;

  @Field(() => [LostOutputType], {
    description: 'Physical output lost per day by the affected producers, one entry per unit (never added up).',
  })
  lostOutputByUnit!: LostOutputType[];

  @Field(() => Int, { description: 'Affected producers (stalled or partial).' })
  affectedProducerCount!: number;

  @Field(() => Int, {
    description: 'Affected producers without a dailyOutputValue: lostOutputValue leaves their loss out.',
  })
  unvaluedProducerCount!: number;

  /** What the report was computed from (scenarioScope): the prefix of its rows' ids. */
  scope!: string;
  /** What the engine job computed for this query's fields (see impactNeeds). */
  answer!: ImpactAnswer;
}
