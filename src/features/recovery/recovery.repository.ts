import {
  type EnterpriseCriteria,
  ENTERPRISE_FILTER,
  enterpriseCriteriaParams,
} from '../enterprise/enterprise.repository';
import { cypher } from '../../platform/neo4j/cypher';
import type { GraphDatabase } from '../../platform/neo4j/graph-database';
import type { RecoveryGrouping } from './recovery-grouping.enum';

export interface RecoveryAggregate {
  key: string;
  enterpriseCount: number;
  operating: number;
  partial: number;
  stalled: number;
  closed: number;
  weightedCapacity: number;
  totalCapacity: number;
  meanCapacity: number;
  workforceReturned: number | null;
}

export interface TimelineChange {
  id: string;
  key: string;
  dailyCapacity: number | null;
  at: string;
  status: string;
  capacityRecovery: number | null;
  workforceReturned: number | null;
}

/** Aggregates recovery figures in Neo4j, and reads the history they change by. */
export class RecoveryRepository {
  private readonly byGroupQuery: string;
  private readonly timelineQuery: string;

  constructor(private readonly db: GraphDatabase) {
    this.byGroupQuery = `${ENTERPRISE_FILTER()}\n${cypher('recovery/by-group')}`;
    this.timelineQuery = `${ENTERPRISE_FILTER()}\n${cypher('recovery/timeline-changes')}`;
  }

  async byGroup(groupBy: RecoveryGrouping, criteria: EnterpriseCriteria): Promise<RecoveryAggregate[]> {
    const result = await this.db.read(this.byGroupQuery, { ...enterpriseCriteriaParams(criteria), groupBy });
    return result.records.map((r) => r.toObject() as RecoveryAggregate);
  }

  async changesUntil(groupBy: RecoveryGrouping, criteria: EnterpriseCriteria, to: string): Promise<TimelineChange[]> {
    const result = await this.db.read(this.timelineQuery, { ...enterpriseCriteriaParams(criteria), groupBy, to });
    return result.records.map((r) => r.toObject() as TimelineChange);
  }
}
