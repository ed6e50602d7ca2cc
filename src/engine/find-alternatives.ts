import { evaluateScenario, runScenario } from './evaluate-scenario';
import type { TransportMode } from './graph-input';
import { DOWN_STATUS_FLAGS, type SupplyGraph } from './supply-graph';
import { resolveScenario, type Scenario } from './scenario';

export interface AlternativeSupplier {
  id: string;
  index: number;
  sameRegion: boolean;
  dailyCapacity: number | null;
  /** Undirected hop distance to the enterprise, null if unconnected. */
  hops: number | null;
  alreadySupplies: boolean;
  /** With a virtual OPEN link candidate -> enterprise of the product, the enterprise is not stalled. */
  wouldUnstall: boolean;
}

export interface AlternativeRoute {
  linkIds: string[];
  enterpriseIds: string[];
  modes: TransportMode[];
}

/**
 * Who else could ship `product` to the enterprise, as when orders moved to a
 * factory with similar equipment. Candidates are other enterprises that
 * output the product in the scenario state and already ship it to someone.
 * Ranked: same region first, then dailyCapacity descending (unknown last),
 * then hops ascending (unconnected last), then id. wouldUnstall is computed
 * for the returned ones only: true when the target is not stalled anyway,
 * false when it is itself down, else one evaluation with the virtual link
 * (which rebuilds the index: O(graph) per candidate).
 */
export function findAlternativeSuppliers(
  graph: SupplyGraph,
  enterpriseId: string,
  product: string,
  scenario: Scenario,
  limit = 10,
): AlternativeSupplier[] {
  const target = requireNode(graph, enterpriseId);
  const productIndex = graph.productIndex(product);
  if (productIndex < 0 || limit <= 0) return [];
  const resolved = resolveScenario(graph, scenario);
  const run = runScenario(graph, resolved);
  const base = run.baseState;
  const shippers = new Set<number>();
  for (let l = 0; l < graph.linkCount; l++) {
    if (graph.linkProduct[l] !== productIndex) continue;
    const u = graph.linkFrom[l];
    if (u === target || shippers.has(u)) continue;
    if (base.down[u] === 1 || run.isDirect(u)) continue;
    const sourcePort = graph.linkSourcePort[l];
    const outputs =
      sourcePort < 0
        ? base.nodeAlive[u] === 1 && !run.isStalled(u)
        : base.portAlive[sourcePort] === 1 && !run.isPortFailed(sourcePort);
    if (outputs) shippers.add(u);
  }
  const suppliers = new Set<number>();
  for (let q = graph.nodePortStart[target]; q < graph.nodePortStart[target + 1]; q++) {
    if (graph.portProduct[q] !== productIndex) continue;
    for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++)
      suppliers.add(graph.linkFrom[graph.portLinks[i]]);
  }
  const hops = hopDistances(graph, target, shippers);
  const region = graph.nodeRegion[target];
  const candidates = [...shippers].map((u) => ({
    id: graph.enterpriseId(u),
    index: u,
    sameRegion: graph.nodeRegion[u] === region,
    dailyCapacity: graph.dailyCapacity(u),
    hops: hops.get(u) ?? null,
    alreadySupplies: suppliers.has(u),
    wouldUnstall: false,
  }));
  candidates.sort((a, b) => {
    if (a.sameRegion !== b.sameRegion) return a.sameRegion ? -1 : 1;
    const capacity = (b.dailyCapacity ?? -Infinity) - (a.dailyCapacity ?? -Infinity);
    if (capacity !== 0 && !Number.isNaN(capacity)) return capacity;
    const distance = (a.hops ?? Infinity) - (b.hops ?? Infinity);
    if (distance !== 0 && !Number.isNaN(distance)) return distance;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const chosen = candidates.slice(0, limit);
  // Only a target stalled by the flow needs the (whole-graph) evaluation with a virtual link.
  const targetStalled = run.isStalled(target);
  const targetDown = run.isDirect(target);
  for (const candidate of chosen) {
    if (!targetStalled || targetDown) {
      candidate.wouldUnstall = !targetStalled;
      continue;
    }
    const result = evaluateScenario(graph, scenario, {
      extraLinks: [
        {
          id: `virtual:${candidate.id}->${enterpriseId}:${product}`,
          from: candidate.id,
          to: enterpriseId,
          product,
          mode: 'LOCAL',
          volume: null,
          status: 'OPEN',
          inventoryDays: null,
        },
      ],
    });
    candidate.wouldUnstall = !result.isStalled(target);
  }
  return chosen;
}

/**
 * Other ways for `product` to reach `toId` from `fromId`, as when freight
 * moved from a closed highway checkpoint to rail: simple paths whose links
 * all carry the product and are not blocked in the scenario, and whose
 * intermediate enterprises are pass-throughs not down in the scenario.
 * Shortest first, then by link ids.
 */
export function findAlternativeRoutes(
  graph: SupplyGraph,
  fromId: string,
  toId: string,
  product: string,
  scenario: Scenario,
  options?: { maxHops?: number; limit?: number },
): AlternativeRoute[] {
  const from = requireNode(graph, fromId);
  const to = requireNode(graph, toId);
  const productIndex = graph.productIndex(product);
  const maxHops = options?.maxHops ?? 4;
  const limit = options?.limit ?? 10;
  if (productIndex < 0 || limit <= 0 || maxHops <= 0) return [];
  const resolved = resolveScenario(graph, scenario);
  const blocked = new Set(resolved.blockedLinks);
  const down = new Set(resolved.downNodes);
  const current = resolved.includeCurrentState;
  const isBlocked = (l: number): boolean => blocked.has(l) || (current && graph.linkBlocked[l] === 1);
  const isDown = (v: number): boolean => down.has(v) || (current && DOWN_STATUS_FLAGS[graph.nodeStatus[v]]);

  const found: number[][] = [];
  const maxPaths = 10_000; // enumeration guard on dense graphs
  const path: number[] = [];
  const onPath = new Set<number>([from]);
  const visit = (v: number): void => {
    if (found.length >= maxPaths) return;
    for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) {
      const l = graph.outLinks[i];
      if (graph.linkProduct[l] !== productIndex || isBlocked(l)) continue;
      const next = graph.linkTo[l];
      if (onPath.has(next)) continue;
      path.push(l);
      if (next === to) {
        found.push(path.slice());
      } else if (path.length < maxHops && graph.nodePassThrough[next] === 1 && !isDown(next)) {
        onPath.add(next);
        visit(next);
        onPath.delete(next);
      }
      path.pop();
    }
  };
  if (from !== to) visit(from);
  const routes = found.map((links) => ({
    linkIds: links.map((l) => graph.linkId(l)),
    enterpriseIds: [fromId, ...links.map((l) => graph.enterpriseId(graph.linkTo[l]))],
    modes: links.map((l) => graph.mode(l)),
  }));
  routes.sort((a, b) => {
    if (a.linkIds.length !== b.linkIds.length) return a.linkIds.length - b.linkIds.length;
    for (let i = 0; i < a.linkIds.length; i++) {
      if (a.linkIds[i] !== b.linkIds[i]) return a.linkIds[i] < b.linkIds[i] ? -1 : 1;
    }
    return 0;
  });
  return routes.slice(0, limit);
}

function requireNode(graph: SupplyGraph, id: string): number {
  const index = graph.nodeIndex(id);
  if (index < 0) throw new Error(`Unknown enterprise ${id}`);
  return index;
}

/** Undirected breadth-first distances from `start`, stopping once every wanted node is reached. */
function hopDistances(graph: SupplyGraph, start: number, wanted: ReadonlySet<number>): Map<number, number> {
  const distance = new Map<number, number>([[start, 0]]);
  let remaining = wanted.size;
  let frontier = [start];
  for (let hops = 1; frontier.length > 0 && remaining > 0; hops++) {
    const next: number[] = [];
    const reach = (u: number): void => {
      if (distance.has(u)) return;
      distance.set(u, hops);
      if (wanted.has(u)) remaining--;
      next.push(u);
    };
    for (const v of frontier) {
      for (let i = graph.nodeOutStart[v]; i < graph.nodeOutStart[v + 1]; i++) reach(graph.linkTo[graph.outLinks[i]]);
      const inStart = graph.portLinkStart[graph.nodePortStart[v]];
      const inEnd = graph.portLinkStart[graph.nodePortStart[v + 1]];
      for (let i = inStart; i < inEnd; i++) reach(graph.linkFrom[graph.portLinks[i]]);
    }
    frontier = next;
  }
  return distance;
}
