import type { ChangeStream, GraphChangeFeed } from '../../platform/neo4j/graph-change-feed';
import { type ChangeItem, type GraphChange, isSupplyGraphSubject } from '../../platform/neo4j/graph-change';
import type { EnterpriseRecord } from '../enterprise/enterprise.record';
import type { SupplyLinkRecord } from '../supply-link/supply-link.record';
import type { EnterpriseKind } from '../vocabulary/enterprise-kind.enum';
import type { EnterpriseStatus } from '../vocabulary/enterprise-status.enum';
import type { LinkStatus } from '../vocabulary/link-status.enum';
import type { StatusSubject } from './status-subject.enum';

/** A committed write that touched the supply graph. */
export interface GraphChangeEvent {
  version: number;
  changedIds: string[];
  listed: boolean;
  at: string;
  actor: string | null;
  operation: string;
}

/** One enterprise's or link's new status. */
export interface StatusChangeEvent {
  version: number;
  subject: StatusSubject;
  id: string;
  enterpriseStatus: EnterpriseStatus | null;
  capacityRecovery: number | null;
  linkStatus: LinkStatus | null;
  at: string;
  actor: string | null;
}

/** Which status changes a listener wants; absent fields do not narrow. */
export interface StatusChangeCriteria {
  subjects?: readonly StatusSubject[] | null;
  ids?: readonly string[] | null;
  regions?: readonly string[] | null;
  kinds?: readonly EnterpriseKind[] | null;
  enterpriseStatuses?: readonly EnterpriseStatus[] | null;
  linkStatuses?: readonly LinkStatus[] | null;
}

/** What the live service reads of the graph to match places. */
export interface LiveLookups {
  enterprises: { findByIds(ids: readonly string[]): Promise<EnterpriseRecord[]> };
  links: { findByIds(ids: readonly string[]): Promise<SupplyLinkRecord[]> };
}

const actorOf = (change: GraphChange): string | null => (change.actor === 'unknown' ? null : change.actor);

/**
 * True when the write may have changed enterprises or links: it says so, or
 * it is one the feed could not read (then nothing is known of it).
 */
function touchesSupplyGraph(change: GraphChange): boolean {
  const { counts } = change;
  const unknown = !change.listed && Object.values(counts).every((count) => count === 0);
  return unknown || counts.ENTERPRISE + counts.LINK > 0;
}

function toGraphChangeEvent(change: GraphChange): GraphChangeEvent {
  const ids = change.items.filter((item) => isSupplyGraphSubject(item.subject)).map((item) => item.id);
  return {
    version: change.version,
    changedIds: [...new Set(ids)],
    listed: change.listed,
    at: change.at,
    actor: actorOf(change),
    operation: change.operation,
  };
}

function toStatusChangeEvent(change: GraphChange, item: ChangeItem): StatusChangeEvent {
  const enterprise = item.subject === 'ENTERPRISE';
  return {
    version: change.version,
    subject: enterprise ? 'ENTERPRISE' : 'LINK',
    id: item.id,
    enterpriseStatus: enterprise ? (item.status as EnterpriseStatus) : null,
    capacityRecovery: enterprise ? (item.capacityRecovery ?? null) : null,
    linkStatus: enterprise ? null : (item.status as LinkStatus),
    at: change.at,
    actor: actorOf(change),
  };
}

const given = <T>(values: readonly T[] | null | undefined): values is readonly T[] =>
  values !== null && values !== undefined;

/** The criteria that need no graph read: subject and status. */
function matchesStatus(event: StatusChangeEvent, criteria: StatusChangeCriteria): boolean {
  if (given(criteria.subjects) && !criteria.subjects.includes(event.subject)) return false;
  if (event.enterpriseStatus && given(criteria.enterpriseStatuses))
    return criteria.enterpriseStatuses.includes(event.enterpriseStatus);
  if (event.linkStatus && given(criteria.linkStatuses)) return criteria.linkStatuses.includes(event.linkStatus);
  return true;
}

/**
 * Live updates: the graph's committed changes as GraphQL subscriptions want
 * them, read from the change feed (so from every service instance).
 */
export class LiveService {
  constructor(
    private readonly feed: GraphChangeFeed,
    private readonly lookups: LiveLookups,
  ) {}

  /** Every write that touched enterprises or links, from now on. */
  graphChanges(): ChangeStream<GraphChangeEvent> {
    return this.feed.subscribe((change) => (touchesSupplyGraph(change) ? [toGraphChangeEvent(change)] : []));
  }

  /** Status changes of enterprises and links that meet the criteria, from now on. */
  statusChanges(criteria: StatusChangeCriteria): ChangeStream<StatusChangeEvent> {
    return this.feed.subscribe(async (change) => {
      const events = change.items
        .filter((item) => item.op === 'STATUS' && isSupplyGraphSubject(item.subject))
        .map((item) => toStatusChangeEvent(change, item))
        .filter((event) => matchesStatus(event, criteria));
      if (events.length === 0 || !(given(criteria.ids) || given(criteria.regions) || given(criteria.kinds))) {
        return events;
      }
      return this.matchingPlaces(events, criteria);
    });
  }

  /** The events whose enterprise, or a link's either end, the ids, regions and kinds name. */
  private async matchingPlaces(
    events: readonly StatusChangeEvent[],
    criteria: StatusChangeCriteria,
  ): Promise<StatusChangeEvent[]> {
    const linkIds = events.filter((event) => event.subject === 'LINK').map((event) => event.id);
    const found = linkIds.length > 0 ? await this.lookups.links.findByIds(linkIds) : [];
    const links = new Map(found.map((link) => [link.id, link]));
    const endsOf = (event: StatusChangeEvent): string[] => {
      if (event.subject === 'ENTERPRISE') return [event.id];
      const link = links.get(event.id);
      return link ? [link.from, link.to] : [];
    };
    const placed = given(criteria.regions) || given(criteria.kinds);
    const enterpriseIds = placed ? [...new Set(events.flatMap(endsOf))] : [];
    const placedEnterprises = enterpriseIds.length > 0 ? await this.lookups.enterprises.findByIds(enterpriseIds) : [];
    const enterprises = new Map(placedEnterprises.map((enterprise) => [enterprise.id, enterprise]));
    const inPlace = (id: string): boolean => {
      const enterprise = enterprises.get(id);
      if (!enterprise) return false;
      if (given(criteria.regions) && !criteria.regions.includes(enterprise.region)) return false;
      return !given(criteria.kinds) || criteria.kinds.includes(enterprise.kind);
    };
    return events.filter((event) => {
      const ends = endsOf(event);
      if (given(criteria.ids) && !criteria.ids.includes(event.id) && !ends.some((id) => criteria.ids?.includes(id)))
        return false;
      return !placed || ends.some(inPlace);
    });
  }
}
