import { baseStateOf } from './base-state';
import { idRankOf } from './id-order';
import { inLinkColumnsOf } from './in-link-columns';
import { lossBoundsOf } from './loss-bound';
import type { SupplyGraph } from './supply-graph';
import { activeVariablesOf, variableOrderOf } from './topological-rank';

export interface PrepareOptions {
  /** Also the current-state baseline (includeCurrentState), default true. */
  currentState?: boolean;
  /** Also the loss bounds of critical rankings, default false. */
  lossBounds?: boolean;
  /** Also the id order that sorts result rows, default true. */
  idOrder?: boolean;
  /**
   * Also the sweep's in-link columns, default true. Only sweeps (a region,
   * a mode) and the current-state baseline read them; at a million
   * enterprises they take most of a second, which a write that changes the
   * graph's structure need not wait for before the next single-link answer.
   */
  inLinkColumns?: boolean;
}

/**
 * Computes the derived structures evaluations need (variable order,
 * baselines, id order; optionally loss bounds) now rather than on the first
 * request, and returns the graph. They are memoised on the graph, carried
 * over by patches that leave them valid, and travel with toTransferable(),
 * so a pool of worker threads computes them once.
 */
export function prepareGraph(graph: SupplyGraph, options: PrepareOptions = {}): SupplyGraph {
  variableOrderOf(graph);
  activeVariablesOf(graph);
  if (options.inLinkColumns ?? true) inLinkColumnsOf(graph);
  baseStateOf(graph, false);
  if (options.currentState ?? true) baseStateOf(graph, true);
  if (options.idOrder ?? true) idRankOf(graph);
  if (options.lossBounds ?? false) {
    lossBoundsOf(graph, false);
    if (options.currentState ?? true) lossBoundsOf(graph, true);
  }
  return graph;
}
