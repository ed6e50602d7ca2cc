import type { EnterpriseKind, ScenarioInput, TransportMode } from './api';
import { graphql } from '../shared/graphql-client';

// The GraphQL of the scenario tools: the regions and modes to block, saved scenarios, their
// comparison, and the alternatives of a stalled enterprise. One place, so renames are easy to follow.

/** A saved scenario as the list shows it. */
export interface SavedScenarioSummary {
  id: string;
  name: string;
  note: string | null;
  owner: string;
  createdAt: string;
  scenario: {
    blockLinks: string[];
    blockEnterprises: string[];
    blockRegions: string[];
    blockModes: TransportMode[];
    durationDays: number | null;
    includeCurrentState: boolean;
  };
  report: { stalledCount: number; partialCount: number; lostOutputValue: number };
}

export interface ComparedEnterprise {
  enterprise: { id: string; name: string; region: string };
  inA: { stallsOnDay: number | null } | null;
  inB: { stallsOnDay: number | null } | null;
  stallDayDifference: number | null;
  lostOutputValueDifference: number | null;
}

export interface ComparedGroup {
  totalCount: number;
  edges: { node: ComparedEnterprise }[];
}

export interface ScenarioComparison {
  stalledCountDifference: number;
  lostOutputValueDifference: number;
  lostTradeValueDifference: number;
  a: { stalledCount: number; partialCount: number; lostOutputValue: number };
  b: { stalledCount: number; partialCount: number; lostOutputValue: number };
  stalledOnlyInA: ComparedGroup;
  stalledOnlyInB: ComparedGroup;
  stalledInBoth: ComparedGroup;
}

export interface AlternativeSupplier {
  enterprise: { id: string; name: string; region: string; kind: EnterpriseKind };
  sameRegion: boolean;
  alreadySupplies: boolean;
  wouldUnstall: boolean;
  hops: number | null;
  dailyCapacity: number | null;
}

export interface AlternativeRoute {
  modes: TransportMode[];
  enterprises: { id: string; name: string }[];
  links: { id: string }[];
}

/** A supplier link of the stalled enterprise: what its alternatives are looked for. */
export interface SupplierLink {
  id: string;
  product: string;
  mode: TransportMode;
  from: { id: string; name: string };
}

export interface Alternatives {
  product: string;
  suppliers: AlternativeSupplier[];
  /** Routes from each current supplier of the product that still deliver in the scenario. */
  routes: { from: { id: string; name: string }; routes: AlternativeRoute[] }[];
}

const BLOCK_CHOICES = /* GraphQL */ `
  query ExplorerBlockChoices {
    regions: recovery(groupBy: REGION) {
      key
    }
    modes: __type(name: "TransportMode") {
      enumValues {
        name
      }
    }
  }
`;

const SCENARIO_FIELDS = /* GraphQL */ `
  id
  name
  note
  owner
  createdAt
  scenario {
    blockLinks
    blockEnterprises
    blockRegions
    blockModes
    durationDays
    includeCurrentState
  }
  report {
    stalledCount
    partialCount
    lostOutputValue
  }
`;

const SCENARIOS = /* GraphQL */ `
  query ExplorerScenarios {
    scenarios(first: 100) {
      nodes { ${SCENARIO_FIELDS} }
    }
  }
`;

const SAVE_SCENARIO = /* GraphQL */ `
  mutation ExplorerSaveScenario($name: String!, $scenario: ScenarioInput!) {
    saveScenario(name: $name, scenario: $scenario) { ${SCENARIO_FIELDS} }
  }
`;

const COMPARED_FIELDS = /* GraphQL */ `
  totalCount
  edges {
    node {
      enterprise { id name region }
      inA { stallsOnDay }
      inB { stallsOnDay }
      stallDayDifference
      lostOutputValueDifference
    }
  }
`;

const COMPARE = /* GraphQL */ `
  query ExplorerCompare($a: ScenarioRef!, $b: ScenarioRef!, $first: Int!) {
    compareScenarios(a: $a, b: $b) {
      stalledCountDifference
      lostOutputValueDifference
      lostTradeValueDifference
      a { stalledCount partialCount lostOutputValue }
      b { stalledCount partialCount lostOutputValue }
      stalledOnlyInA(first: $first) { ${COMPARED_FIELDS} }
      stalledOnlyInB(first: $first) { ${COMPARED_FIELDS} }
      stalledInBoth(first: $first) { ${COMPARED_FIELDS} }
    }
  }
`;

const SUPPLIER_LINKS = /* GraphQL */ `
  query ExplorerSupplierLinks($id: ID!) {
    enterprise(id: $id) {
      suppliers(first: 500) {
        nodes {
          id
          product
          mode
          from {
            id
            name
          }
        }
      }
    }
  }
`;

const ALTERNATIVE_SUPPLIERS = /* GraphQL */ `
  query ExplorerAlternativeSuppliers($enterpriseId: ID!, $product: String!, $scenario: ScenarioInput) {
    alternativeSuppliers(id: $enterpriseId, product: $product, scenario: $scenario, first: 5) {
      enterprise {
        id
        name
        region
        kind
      }
      sameRegion
      alreadySupplies
      wouldUnstall
      hops
      dailyCapacity
    }
  }
`;

const ALTERNATIVE_ROUTES = /* GraphQL */ `
  query ExplorerAlternativeRoutes($fromId: ID!, $toId: ID!, $product: String!, $scenario: ScenarioInput) {
    alternativeRoutes(fromId: $fromId, toId: $toId, product: $product, scenario: $scenario, first: 3) {
      modes
      enterprises {
        id
        name
      }
      links {
        id
      }
    }
  }
`;

/** Most enterprises listed per comparison group; the counts are always exact. */
export const COMPARED_PAGE_SIZE = 50;

/** The regions (from the recovery groups) and transport modes (from the schema) a scenario can block. */
export async function fetchBlockChoices(): Promise<{ regions: string[]; modes: TransportMode[] }> {
  const data = await graphql<{ regions: { key: string }[]; modes: { enumValues: { name: TransportMode }[] } | null }>(
    BLOCK_CHOICES,
  );
  return {
    regions: data.regions.map((group) => group.key).sort((a, b) => a.localeCompare(b)),
    modes: (data.modes?.enumValues ?? []).map((value) => value.name),
  };
}

export async function fetchScenarios(): Promise<SavedScenarioSummary[]> {
  return (await graphql<{ scenarios: { nodes: SavedScenarioSummary[] } }>(SCENARIOS)).scenarios.nodes;
}

export async function saveScenario(name: string, scenario: ScenarioInput): Promise<SavedScenarioSummary> {
  return (await graphql<{ saveScenario: SavedScenarioSummary }>(SAVE_SCENARIO, { name, scenario })).saveScenario;
}

/** Compares two saved scenarios, by id. */
export async function compareScenarios(aId: string, bId: string): Promise<ScenarioComparison> {
  const data = await graphql<{ compareScenarios: ScenarioComparison }>(COMPARE, {
    a: { id: aId },
    b: { id: bId },
    first: COMPARED_PAGE_SIZE,
  });
  return data.compareScenarios;
}

/**
 * For each product the enterprise misses in the scenario: who else could supply it, and which
 * routes from its current suppliers still deliver.
 */
export async function fetchAlternatives(
  enterpriseId: string,
  products: string[],
  scenario: ScenarioInput,
): Promise<Alternatives[]> {
  const data = await graphql<{ enterprise: { suppliers: { nodes: SupplierLink[] } } | null }>(SUPPLIER_LINKS, {
    id: enterpriseId,
  });
  const links = data.enterprise?.suppliers.nodes ?? [];
  const wanted = products.length ? products : [...new Set(links.map((link) => link.product))];
  return Promise.all(
    wanted.map(async (product): Promise<Alternatives> => {
      const suppliers = graphql<{ alternativeSuppliers: AlternativeSupplier[] }>(ALTERNATIVE_SUPPLIERS, {
        enterpriseId,
        product,
        scenario,
      });
      const froms = [...new Map(links.filter((l) => l.product === product).map((l) => [l.from.id, l.from])).values()];
      const routes = Promise.all(
        froms.map(async (from) => {
          const answer = await graphql<{ alternativeRoutes: AlternativeRoute[] }>(ALTERNATIVE_ROUTES, {
            fromId: from.id,
            toId: enterpriseId,
            product,
            scenario,
          });
          return { from, routes: answer.alternativeRoutes };
        }),
      );
      return { product, suppliers: (await suppliers).alternativeSuppliers, routes: await routes };
    }),
  );
}
