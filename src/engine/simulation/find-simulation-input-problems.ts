import { TRANSPORT_MODES } from '../graph-input';
import { findUnknownLinkFilterNames, type LinkFilter } from '../link-filter';
import type { SupplyGraph } from '../supply-graph';
import { MAX_HORIZON_DAYS, type BlockSet, type CapacityChange, type SimulationInput } from './simulation-input';

/** One thing wrong with a simulation input, located by a path such as `events[2].block.links[0]`. */
export interface SimulationInputProblem {
  path: string;
  message: string;
}

/**
 * Every problem of a simulation input against this graph, so a caller can
 * refuse it with all of them named at once: a horizon outside
 * 1..MAX_HORIZON_DAYS, a negative restock rate, event days outside the
 * horizon, unknown link, enterprise and region ids, unknown modes, unknown
 * products or regions in link filters, capacities outside 0..1, and capacity
 * changes naming neither or both of an enterprise and a region. Empty when
 * the input is good.
 */
export function findSimulationInputProblems(graph: SupplyGraph, input: SimulationInput): SimulationInputProblem[] {
  const problems: SimulationInputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const horizon = input.horizonDays;
  const horizonOk = Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_HORIZON_DAYS;
  if (!horizonOk) add('horizonDays', `must be a whole number of days from 1 to ${MAX_HORIZON_DAYS}`);
  const rho = input.restockRate;
  if (rho !== null && rho !== undefined && !(Number.isFinite(rho) && rho >= 0)) {
    add('restockRate', 'must be a number of at least 0');
  }
  input.events.forEach((event, i) => {
    const at = `events[${i}]`;
    if (!Number.isInteger(event.day) || event.day < 0 || (horizonOk && event.day >= horizon)) {
      const range = horizonOk ? `from 0 to ${horizon - 1}` : 'a whole number of at least 0';
      add(`${at}.day`, `must be ${range} (days of the horizon), got ${String(event.day)}`);
    }
    if (event.block) blockSetProblems(graph, event.block, `${at}.block`, add);
    if (event.unblock) blockSetProblems(graph, event.unblock, `${at}.unblock`, add);
    (event.setCapacity ?? []).forEach((change, j) => capacityProblems(graph, change, `${at}.setCapacity[${j}]`, add));
  });
  (input.watch ?? []).forEach((id, i) => {
    if (graph.nodeIndex(id) < 0) add(`watch[${i}]`, `unknown enterprise "${id}"`);
  });
  return problems;
}

type Add = (path: string, message: string) => void;

function blockSetProblems(graph: SupplyGraph, set: BlockSet, at: string, add: Add): void {
  (set.links ?? []).forEach((id, i) => {
    if (graph.linkIndex(id) < 0) add(`${at}.links[${i}]`, `unknown supply link "${id}"`);
  });
  (set.enterprises ?? []).forEach((id, i) => {
    if (graph.nodeIndex(id) < 0) add(`${at}.enterprises[${i}]`, `unknown enterprise "${id}"`);
  });
  (set.regions ?? []).forEach((name, i) => {
    if (graph.regionIndex(name) < 0) add(`${at}.regions[${i}]`, `unknown region "${name}"`);
  });
  (set.modes ?? []).forEach((mode, i) => {
    if (!TRANSPORT_MODES.includes(mode)) add(`${at}.modes[${i}]`, `unknown transport mode "${String(mode)}"`);
  });
  (set.linksWhere ?? []).forEach((filter, i) => linkFilterProblems(graph, filter, `${at}.linksWhere[${i}]`, add));
}

function linkFilterProblems(graph: SupplyGraph, filter: LinkFilter, at: string, add: Add): void {
  const unknown = findUnknownLinkFilterNames(graph, filter);
  if (unknown === null) return;
  for (const mode of unknown.modes) add(`${at}.modes`, `unknown transport mode "${mode}"`);
  for (const product of unknown.products) add(`${at}.products`, `no link carries product "${product}"`);
  for (const region of unknown.regions) {
    if ((filter.fromRegions ?? []).includes(region)) add(`${at}.fromRegions`, `unknown region "${region}"`);
    if ((filter.toRegions ?? []).includes(region)) add(`${at}.toRegions`, `unknown region "${region}"`);
  }
}

function capacityProblems(graph: SupplyGraph, change: CapacityChange, at: string, add: Add): void {
  const hasEnterprise = change.enterpriseId !== null && change.enterpriseId !== undefined;
  const hasRegion = change.region !== null && change.region !== undefined;
  if (hasEnterprise === hasRegion) add(at, 'must name exactly one of enterpriseId and region');
  if (hasEnterprise && graph.nodeIndex(change.enterpriseId!) < 0) {
    add(`${at}.enterpriseId`, `unknown enterprise "${change.enterpriseId}"`);
  }
  if (hasRegion && graph.regionIndex(change.region!) < 0) add(`${at}.region`, `unknown region "${change.region}"`);
  if (!(Number.isFinite(change.capacity) && change.capacity >= 0 && change.capacity <= 1)) {
    add(`${at}.capacity`, `must be from 0 to 1, got ${String(change.capacity)}`);
  }
}
