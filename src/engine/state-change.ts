/** How an evaluation walks the graph: see StatePropagation. */
export type PropagationStrategy = 'auto' | 'propagate' | 'sweep';

/** What a scenario adds to a base state. */
export interface StateChange {
  /** Enterprises down in the new state; those already down in the base are ignored. */
  downNodes: ArrayLike<number>;
  /** Links blocked in the new state; those already blocked in the base are ignored. */
  blockedLinks: ArrayLike<number>;
  /** D of §5: only what stops before this day counts. Infinity when unbounded. */
  window: number;
  /** own(v) for enterprises that are not down; defaults to the base's. */
  targetOwn?: Float64Array;
  /** Enterprises whose targetOwn differs from the base's own. */
  ownChanged?: ArrayLike<number>;
  /** Stop after §3/§5 (stalls and days); fractions keep their base values. */
  skipFractions?: boolean;
  /** Default 'auto': sweep when the change is large (see prefersSweep). */
  strategy?: PropagationStrategy;
}
