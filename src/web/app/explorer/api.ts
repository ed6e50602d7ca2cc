import type { EnterpriseKind, EnterpriseStatus, LinkStatus, TransportMode } from '../../../engine';
import { graphql } from '../shared/graphql-client';

/** The domain's words, as the engine declares them (types only: nothing of the engine is bundled). */
export type { EnterpriseKind, EnterpriseStatus, LinkStatus, TransportMode };

/** The shapes of schema.graphql the explorer reads. */
export type RecoveryGrouping = 'REGION' | 'KIND' | 'PARK';

export interface EnterpriseSummary {
  id: string;
  name: string;
  kind: EnterpriseKind;
  region: string;
  status: EnterpriseStatus;
}

export interface ChainEnterprise extends EnterpriseSummary {
  capacityRecovery: number;
  dailyCapacity: number | null;
  unit: string | null;
  passThrough: boolean;
  /** Where it is, for the geographic layout; null when unknown. */
  lat: number | null;
  lon: number | null;
}

export interface ChainLink {
  id: string;
  fromId: string;
  toId: string;
  product: string;
  mode: TransportMode;
  status: LinkStatus;
  inventoryDays: number | null;
  volume: number | null;
  unit: string | null;
}

export interface ChainNode {
  tier: number;
  depth: number;
  enterprise: ChainEnterprise;
}

export interface Chain {
  truncated: boolean;
  nodes: ChainNode[];
  links: ChainLink[];
}

export interface ScenarioInput {
  blockLinks?: string[];
  blockEnterprises?: string[];
  blockRegions?: string[];
  blockModes?: TransportMode[];
  includeCurrentState?: boolean;
  durationDays?: number;
}

export interface AffectedEnterprise {
  enterprise: { id: string; name: string; kind: EnterpriseKind; region: string; unit: string | null };
  direct: boolean;
  outputFraction: number;
  /** Physical output lost, in the enterprise's own unit. */
  lostDailyOutput: number;
  /** CNY a day: producers' lost output value, pass-throughs' lost trade value; null when unknown. */
  lostOutputValue: number | null;
  lostTradeValue: number | null;
  stallsOnDay: number | null;
  missingInputs: string[];
  /** Link ids from a block to this enterprise, upstream first; empty when blocked directly. */
  cause: string[];
}

export interface AffectedPage {
  totalCount: number;
  edges: { node: AffectedEnterprise }[];
}

export interface ImpactReport {
  stalledCount: number;
  partialCount: number;
  /** CNY a day over producers (§8). */
  lostOutputValue: number;
  /** CNY a day over markets, trade firms and logistics nodes, kept apart. */
  lostTradeValue: number;
  lostOutputByUnit: { unit: string | null; amount: number }[];
  affectedProducerCount: number;
  unvaluedProducerCount: number;
  stalled: AffectedPage;
  partial: AffectedPage;
}

export interface ResumptionStep {
  step: number;
  kind: 'LINK' | 'ENTERPRISE';
  link: { id: string; product: string; from: { id: string; name: string }; to: { id: string; name: string } } | null;
  enterprise: { id: string; name: string } | null;
  recoveredOutputValue: number;
  cumulativeRecoveredOutputValue: number;
  restartedCount: number;
}

export interface CriticalLink {
  stalledCount: number;
  /** CNY a day over producers. */
  lostOutputValue: number;
  link: {
    id: string;
    product: string;
    mode: TransportMode;
    status: LinkStatus;
    inventoryDays: number | null;
    from: { id: string; name: string };
    to: { id: string; name: string };
  };
}

export interface RecoveryGroup {
  key: string;
  enterpriseCount: number;
  resumedCount: number;
  resumedShare: number;
  capacityRecovery: number;
  workforceReturned: number | null;
  byStatus: { status: EnterpriseStatus; count: number }[];
}

/** Most stalled or partial enterprises listed at once; the counts are always exact. */
export const AFFECTED_PAGE_SIZE = 100;
/** Nodes drawn at most; keeps the chain query within the service's cost limit. */
export const CHAIN_MAX_NODES = 200;

/** Enterprises by a filter: the search box (`search`) and the suggested starts (`ids`). */
const ENTERPRISES = /* GraphQL */ `
  query ExplorerEnterprises($filter: EnterpriseFilter, $first: Int!) {
    enterprises(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          kind
          region
          status
        }
      }
    }
  }
`;
const CHAIN = /* GraphQL */ `
  query ExplorerChain($id: ID!, $maxDepth: Int!, $maxNodes: Int!) {
    chain(id: $id, direction: BOTH, maxDepth: $maxDepth, maxNodes: $maxNodes) {
      truncated
      nodes {
        tier
        depth
        enterprise {
          id
          name
          kind
          region
          status
          capacityRecovery
          dailyCapacity
          unit
          passThrough
          lat
          lon
        }
      }
      links {
        id
        fromId
        toId
        product
        mode
        status
        inventoryDays
        volume
        unit
      }
    }
  }
`;

const AFFECTED_FIELDS = /* GraphQL */ `
  totalCount
  edges {
    node {
      enterprise { id name kind region unit }
      direct
      outputFraction
      lostDailyOutput
      lostOutputValue
      lostTradeValue
      stallsOnDay
      missingInputs
      cause
    }
  }
`;

const IMPACT = /* GraphQL */ `
  query ExplorerImpact($scenario: ScenarioInput!, $first: Int!) {
    impact(scenario: $scenario) {
      stalledCount
      partialCount
      lostOutputValue
      lostTradeValue
      lostOutputByUnit { unit amount }
      affectedProducerCount
      unvaluedProducerCount
      stalled(first: $first) { ${AFFECTED_FIELDS} }
      partial(first: $first) { ${AFFECTED_FIELDS} }
    }
  }
`;

const CRITICAL_LINKS = /* GraphQL */ `
  query ExplorerCriticalLinks($top: Int!, $includeCurrentState: Boolean!) {
    criticalLinks(top: $top, includeCurrentState: $includeCurrentState) {
      stalledCount
      lostOutputValue
      link {
        id
        product
        mode
        status
        inventoryDays
        from {
          id
          name
        }
        to {
          id
          name
        }
      }
    }
  }
`;

const RESUMPTION_PLAN = /* GraphQL */ `
  query ExplorerResumptionPlan($top: Int!) {
    resumptionPlan(top: $top) {
      step
      kind
      link {
        id
        product
        from {
          id
          name
        }
        to {
          id
          name
        }
      }
      enterprise {
        id
        name
      }
      recoveredOutputValue
      cumulativeRecoveredOutputValue
      restartedCount
    }
  }
`;

const RECOVERY = /* GraphQL */ `
  query ExplorerRecovery($groupBy: RecoveryGrouping!) {
    recovery(groupBy: $groupBy) {
      key
      enterpriseCount
      resumedCount
      resumedShare
      capacityRecovery
      workforceReturned
      byStatus {
        status
        count
      }
    }
  }
`;

/** The enterprises of these ids that exist, in the order asked for. */
export async function fetchEnterprises(ids: string[]): Promise<EnterpriseSummary[]> {
  const data = await graphql<{ enterprises: { edges: { node: EnterpriseSummary }[] } }>(ENTERPRISES, {
    filter: { ids },
    first: 10,
  });
  const found = new Map(data.enterprises.edges.map((edge) => [edge.node.id, edge.node]));
  return ids.map((id) => found.get(id)).filter((e): e is EnterpriseSummary => Boolean(e));
}

export async function searchEnterprises(search: string, signal?: AbortSignal) {
  const data = await graphql<{ enterprises: { totalCount: number; edges: { node: EnterpriseSummary }[] } }>(
    ENTERPRISES,
    { filter: { search }, first: 20 },
    signal,
  );
  return { totalCount: data.enterprises.totalCount, enterprises: data.enterprises.edges.map((edge) => edge.node) };
}

export async function fetchChain(id: string, maxDepth: number): Promise<Chain> {
  const data = await graphql<{ chain: Chain }>(CHAIN, { id, maxDepth, maxNodes: CHAIN_MAX_NODES });
  return data.chain;
}

export async function fetchImpact(scenario: ScenarioInput): Promise<ImpactReport> {
  const data = await graphql<{ impact: ImpactReport }>(IMPACT, { scenario, first: AFFECTED_PAGE_SIZE });
  return data.impact;
}

export async function fetchCriticalLinks(includeCurrentState: boolean): Promise<CriticalLink[]> {
  const data = await graphql<{ criticalLinks: CriticalLink[] }>(CRITICAL_LINKS, { top: 10, includeCurrentState });
  return data.criticalLinks;
}

export async function fetchResumptionPlan(): Promise<ResumptionStep[]> {
  const data = await graphql<{ resumptionPlan: ResumptionStep[] }>(RESUMPTION_PLAN, { top: 10 });
  return data.resumptionPlan;
}

export async function fetchRecovery(groupBy: RecoveryGrouping): Promise<RecoveryGroup[]> {
  const data = await graphql<{ recovery: RecoveryGroup[] }>(RECOVERY, { groupBy });
  return data.recovery;
}
