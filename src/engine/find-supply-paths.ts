import type { SupplyGraph } from './supply-graph';

/** One supply path: its enterprises (first the supplier, last the customer) and the links between them. */
export interface SupplyPathFound {
  enterpriseIds: string[];
  linkIds: string[];
}

export interface FindSupplyPathsOptions {
  /** Longest path, in links. */
  maxDepth: number;
  /** Most paths to return. */
  first: number;
}

/**
 * The shortest supply paths from one enterprise down to another along which
 * goods can actually flow: a producer turns whatever it takes in into its
 * products, but a pass-through (market, trade firm, logistics node) forwards
 * what it receives, so goods entering it as product p leave it as p only.
 * (The start may ship any of its products, a pass-through included.)
 *
 * Breadth first over states (enterprise, product carried in when it is a
 * pass-through), so each state is reached once; then the paths on the
 * shortest layers are listed in the order of their link ids, up to `first`.
 * Cost: linear in the links within maxDepth of the start. Ids must exist.
 */
export function findSupplyPaths(
  graph: SupplyGraph,
  fromId: string,
  toId: string,
  options: FindSupplyPathsOptions,
): SupplyPathFound[] {
  const from = graph.nodeIndex(fromId);
  const to = graph.nodeIndex(toId);
  if (from < 0 || to < 0) throw new Error(`Unknown enterprise ${from < 0 ? fromId : toId}`);
  if (from === to || options.first <= 0 || options.maxDepth <= 0) return [];

  // A state is a node, or a (pass-through, product) pair; numbered as they are reached.
  const NONE = -1;
  const stateOf = new Map<number, number>();
  const keyOf = (v: number, product: number): number => v * (graph.productCount + 1) + product + 1;
  const stateNode: number[] = [];
  const stateProduct: number[] = [];
  const depth: number[] = [];
  /** Per state, the links reaching it from a state one layer up: [link, previous state] pairs. */
  const arrivals: number[][] = [];
  const reach = (v: number, product: number, d: number): number => {
    const key = keyOf(v, product);
    let s = stateOf.get(key);
    if (s === undefined) {
      s = stateNode.length;
      stateOf.set(key, s);
      stateNode.push(v);
      stateProduct.push(product);
      depth.push(d);
      arrivals.push([]);
    }
    return s;
  };
  reach(from, NONE, 0);
  let target = -1;
  let frontier = [0];
  for (let d = 1; d <= options.maxDepth && frontier.length > 0 && target < 0; d++) {
    const next: number[] = [];
    for (const s of frontier) {
      const u = stateNode[s];
      const carried = stateProduct[s];
      for (let i = graph.nodeOutStart[u]; i < graph.nodeOutStart[u + 1]; i++) {
        const l = graph.outLinks[i];
        const product = graph.linkProduct[l];
        if (carried !== NONE && product !== carried) continue;
        const v = graph.linkTo[l];
        // The customer is one state whatever it receives; a pass-through on the way, one per product.
        const t = reach(v, graph.nodePassThrough[v] === 1 && v !== to ? product : NONE, d);
        if (depth[t] !== d) continue;
        if (arrivals[t].length === 0) {
          if (v === to) target = t;
          else next.push(t);
        }
        arrivals[t].push(l, s);
      }
    }
    frontier = next;
  }
  if (target < 0) return [];

  // The states on a shortest path, found back from the customer, and the links between them.
  const onPath = new Uint8Array(stateNode.length);
  const forward: [number, number][][] = stateNode.map(() => []);
  const stack = [target];
  onPath[target] = 1;
  while (stack.length > 0) {
    const t = stack.pop()!;
    const pairs = arrivals[t];
    for (let k = 0; k < pairs.length; k += 2) {
      const [l, previous] = [pairs[k], pairs[k + 1]];
      forward[previous].push([l, t]);
      if (onPath[previous] === 0) {
        onPath[previous] = 1;
        stack.push(previous);
      }
    }
  }
  for (const links of forward) links.sort((a, b) => compareStrings(graph.linkId(a[0]), graph.linkId(b[0])));

  // Listed from the start in the order of their link ids, up to `first`.
  const paths: SupplyPathFound[] = [];
  const trail: number[] = [];
  const walk = (s: number): void => {
    if (s === target) {
      paths.push({
        enterpriseIds: [fromId, ...trail.map((l) => graph.enterpriseId(graph.linkTo[l]))],
        linkIds: trail.map((l) => graph.linkId(l)),
      });
      return;
    }
    for (const [l, t] of forward[s]) {
      if (paths.length >= options.first) return;
      trail.push(l);
      walk(t);
      trail.pop();
    }
  };
  walk(0);
  return paths;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
