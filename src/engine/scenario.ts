import { TRANSPORT_MODES, type TransportMode } from './graph-input';
import { IntList } from './int-list';
import { findUnknownLinkFilterNames, matchLinks, type LinkFilter } from './link-filter';
import type { SupplyGraph } from './supply-graph';

/** A what-if of README §2; every block is optional. */
export interface Scenario {
  blockLinks?: readonly string[];
  blockEnterprises?: readonly string[];
  /** Every enterprise of these regions is down. */
  blockRegions?: readonly string[];
  /** Every link of these modes is blocked. */
  blockModes?: readonly TransportMode[];
  /** Every link matching one of these filters is blocked (e.g. the road links leaving one region). */
  blockLinksWhere?: readonly LinkFilter[];
  /** Compare with the real state (STALLED/CLOSED down, BLOCKED links blocked) instead of all operating. */
  includeCurrentState?: boolean;
  /** D of §5: days the blocks last; null or absent means unbounded. Must be positive. */
  durationDays?: number | null;
}

export interface UnknownScenarioIds {
  links: string[];
  enterprises: string[];
  regions: string[];
  /** Per filter of blockLinksWhere that names what the graph lacks: its position and those names. */
  linkFilters: { index: number; products: string[]; regions: string[]; modes: string[] }[];
}

/** Ids and names the scenario uses that the graph does not hold; null when all are known. */
export function findUnknownScenarioIds(graph: SupplyGraph, scenario: Scenario): UnknownScenarioIds | null {
  const linkFilters: UnknownScenarioIds['linkFilters'] = [];
  (scenario.blockLinksWhere ?? []).forEach((filter, index) => {
    const names = findUnknownLinkFilterNames(graph, filter);
    if (names !== null) linkFilters.push({ index, ...names });
  });
  const unknown: UnknownScenarioIds = {
    links: (scenario.blockLinks ?? []).filter((id) => graph.linkIndex(id) < 0),
    enterprises: (scenario.blockEnterprises ?? []).filter((id) => graph.nodeIndex(id) < 0),
    regions: (scenario.blockRegions ?? []).filter((name) => graph.regionIndex(name) < 0),
    linkFilters,
  };
  const none =
    unknown.links.length === 0 &&
    unknown.enterprises.length === 0 &&
    unknown.regions.length === 0 &&
    linkFilters.length === 0;
  return none ? null : unknown;
}

/** A scenario's blocks as node and link indices. */
export interface ResolvedScenario {
  downNodes: Int32Array;
  blockedLinks: Int32Array;
  includeCurrentState: boolean;
  /** D, Infinity when unbounded. */
  window: number;
}

/**
 * Turns ids into indices. Unknown ids are an error here (callers check with
 * findUnknownScenarioIds first), and so is a duration that is not positive,
 * since a window of zero days or less has no meaning for §5.
 */
export function resolveScenario(graph: SupplyGraph, scenario: Scenario): ResolvedScenario {
  const unknown = findUnknownScenarioIds(graph, scenario);
  if (unknown !== null) {
    const parts = [
      unknown.links.length > 0 ? `links ${unknown.links.join(', ')}` : '',
      unknown.enterprises.length > 0 ? `enterprises ${unknown.enterprises.join(', ')}` : '',
      unknown.regions.length > 0 ? `regions ${unknown.regions.join(', ')}` : '',
      ...unknown.linkFilters.map(
        (f) => `names in link filter ${f.index}: ${[...f.modes, ...f.products, ...f.regions].join(', ')}`,
      ),
    ].filter(Boolean);
    throw new Error(`Scenario names unknown ${parts.join('; ')}`);
  }
  const duration = scenario.durationDays;
  if (duration !== null && duration !== undefined && !(duration > 0)) {
    throw new RangeError(`durationDays must be positive, got ${duration}`);
  }
  const downNodes = new IntList();
  for (const id of scenario.blockEnterprises ?? []) downNodes.push(graph.nodeIndex(id));
  for (const name of scenario.blockRegions ?? []) {
    const r = graph.regionIndex(name);
    for (let i = graph.regionNodeStart[r]; i < graph.regionNodeStart[r + 1]; i++) downNodes.push(graph.regionNodes[i]);
  }
  const blockedLinks = new IntList();
  for (const id of scenario.blockLinks ?? []) blockedLinks.push(graph.linkIndex(id));
  for (const mode of new Set(scenario.blockModes ?? [])) {
    const m = TRANSPORT_MODES.indexOf(mode);
    if (m < 0) throw new Error(`Unknown transport mode ${String(mode)}`);
    for (let i = graph.modeLinkStart[m]; i < graph.modeLinkStart[m + 1]; i++) blockedLinks.push(graph.modeLinks[i]);
  }
  for (const filter of scenario.blockLinksWhere ?? []) {
    for (const l of matchLinks(graph, filter)) blockedLinks.push(l);
  }
  return {
    downNodes: downNodes.view(),
    blockedLinks: blockedLinks.view(),
    includeCurrentState: scenario.includeCurrentState ?? false,
    window: duration ?? Infinity,
  };
}
