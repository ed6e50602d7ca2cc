import { generateEnterprises } from './generate-enterprises';
import { generateLinks } from './generate-links';
import type { GeneratedEnterprise } from './generated-enterprise';
import type { GeneratedLink } from './generated-link';
import { planSupplyGraph, type SupplyGraphPlan } from './plan-supply-graph';
import type { SupplyGraphOptions } from './supply-graph-options';

/** A synthetic supply graph in the import format of README §7. */
export interface GeneratedSupplyGraph {
  enterprises: GeneratedEnterprise[];
  links: GeneratedLink[];
}

/** A synthetic supply graph as two lazy streams, for graphs too big to hold as records. */
export interface SupplyGraphStreams {
  plan: SupplyGraphPlan;
  /** Enterprises in id order; every call starts a fresh, identical stream. */
  enterprises(): Iterable<GeneratedEnterprise>;
  /** Links in id order; every call starts a fresh, identical stream. */
  links(): Iterable<GeneratedLink>;
}

/**
 * Plans a synthetic tiered textile supply graph (raw material, chemicals,
 * fibre, weaving, printing and dyeing, garments, markets, foreign trade,
 * logistics) and returns it as streams. Deterministic for a seed and size.
 * Use this for large graphs: only the plan's typed arrays stay in memory.
 */
export function streamSupplyGraph(options: SupplyGraphOptions): SupplyGraphStreams {
  const plan = planSupplyGraph(options);
  return {
    plan,
    enterprises: () => ({ [Symbol.iterator]: () => generateEnterprises(plan) }),
    links: () => ({ [Symbol.iterator]: () => generateLinks(plan) }),
  };
}

/**
 * Generates a synthetic supply graph as arrays: convenient for tests and
 * small graphs. About four links per enterprise; deterministic for a seed.
 */
export function generateSupplyGraph(options: SupplyGraphOptions): GeneratedSupplyGraph {
  const streams = streamSupplyGraph(options);
  return { enterprises: [...streams.enterprises()], links: [...streams.links()] };
}
