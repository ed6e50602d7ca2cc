import {
  findUnknownLinkFilterNames,
  findUnknownScenarioIds,
  matchLinks,
  rankCriticalEnterprises,
  rankCriticalLinks,
  type CriticalEntry,
  type CriticalMeasure,
  type LinkFilter,
  type Scenario,
  type SupplyGraph,
} from '../../engine';
import { type InputProblem, unknownNames } from '../../platform/graphql/user-errors';

/**
 * The engine work of the what-if queries as plain functions of a graph and
 * plain arguments, giving plain results: what runs wherever the graph is
 * (this thread, or a worker holding the same shared graph).
 */

/** Unknown names of one link filter, as problems at `path`. */
export function linkFilterProblems(graph: SupplyGraph, filter: LinkFilter, path: string): InputProblem[] {
  const unknown = findUnknownLinkFilterNames(graph, filter);
  if (unknown === null) return [];
  return [
    ...unknown.modes.map((name) => ({ path: `${path}.modes`, message: `unknown transport mode "${name}"` })),
    ...unknown.products.map((name) => ({ path: `${path}.products`, message: `no link carries product "${name}"` })),
    ...unknown.regions.map((name) => ({ path, message: `no enterprise lies in region "${name}"` })),
  ];
}

/** A product no link of the graph carries, as a problem at `path`. */
export function productProblems(graph: SupplyGraph, product: string, path = 'product'): InputProblem[] {
  return graph.productIndex(product) < 0 ? [{ path, message: `no link carries product "${product}"` }] : [];
}

/** What a scenario names that the graph does not have, as problems under `path`. */
export function scenarioProblems(graph: SupplyGraph, scenario: Scenario, path = 'scenario'): InputProblem[] {
  const unknown = findUnknownScenarioIds(graph, scenario);
  if (!unknown) return [];
  return [
    ...unknown.links.map((id) => ({ path: `${path}.blockLinks`, message: `unknown supply link "${id}"` })),
    ...unknown.enterprises.map((id) => ({ path: `${path}.blockEnterprises`, message: `unknown enterprise "${id}"` })),
    ...unknown.regions.map((id) => ({ path: `${path}.blockRegions`, message: `unknown region "${id}"` })),
    ...unknown.linkFilters.flatMap(({ index }) =>
      linkFilterProblems(graph, scenario.blockLinksWhere![index], `${path}.blockLinksWhere[${index}]`),
    ),
  ];
}

/** Refuses problems with BAD_USER_INPUT naming every one of them. */
export function refuseProblems(what: string, problems: InputProblem[]): void {
  if (problems.length > 0) throw unknownNames(what, problems);
}

/** The plain criteria a link candidate must meet: the listing filter's fields and a link filter. */
export interface LinkCandidateCriteria {
  products?: string[] | null;
  modes?: string[] | null;
  /** Link statuses: OPEN, BLOCKED. */
  statuses?: string[] | null;
  from?: string | null;
  to?: string | null;
  where?: LinkFilter | null;
}

export interface RankingRequest {
  top: number;
  measure: CriticalMeasure;
  includeCurrentState: boolean;
  durationDays: number | null;
}

/** Links ranked by the impact of blocking each alone; names the criteria use must exist. */
export function criticalLinksOn(
  graph: SupplyGraph,
  criteria: LinkCandidateCriteria,
  request: RankingRequest,
): CriticalEntry[] {
  const problems = (criteria.products ?? []).flatMap((name) => productProblems(graph, name, 'filter.product'));
  if (criteria.where) problems.push(...linkFilterProblems(graph, criteria.where, 'where'));
  refuseProblems('The candidate filter', problems);
  const products = criteria.products ? new Set(criteria.products.map((p) => graph.productIndex(p))) : null;
  const modes = criteria.modes ? new Set<string>(criteria.modes) : null;
  const blocked = criteria.statuses ? new Set<number>(criteria.statuses.map((s) => (s === 'BLOCKED' ? 1 : 0))) : null;
  const from = criteria.from ? graph.nodeIndex(criteria.from) : null;
  const to = criteria.to ? graph.nodeIndex(criteria.to) : null;
  let matched: Uint8Array | null = null;
  if (criteria.where) {
    matched = new Uint8Array(graph.linkCount);
    for (const l of matchLinks(graph, criteria.where)) matched[l] = 1;
  }
  const candidate = (l: number) =>
    (!products || products.has(graph.linkProduct[l])) &&
    (!modes || modes.has(graph.mode(l))) &&
    (!blocked || blocked.has(graph.linkBlocked[l])) &&
    (from === null || graph.linkFrom[l] === from) &&
    (to === null || graph.linkTo[l] === to) &&
    (matched === null || matched[l] === 1);
  return rankCriticalLinks(graph, { ...request, candidate });
}

/** Enterprises ranked by the impact of taking each down alone; `allowedIds` null ranks them all. */
export function criticalEnterprisesOn(
  graph: SupplyGraph,
  allowedIds: readonly string[] | null,
  request: RankingRequest,
): CriticalEntry[] {
  let candidate: ((v: number) => boolean) | undefined;
  if (allowedIds !== null) {
    const allowed = new Uint8Array(graph.nodeCount);
    for (const id of allowedIds) {
      const v = graph.nodeIndex(id);
      if (v >= 0) allowed[v] = 1;
    }
    candidate = (v) => allowed[v] === 1;
  }
  return rankCriticalEnterprises(graph, { ...request, candidate });
}
