import type { FractionVariables } from './fraction-variables';
import { sourceVariable } from './topological-rank';

/** Dense solves above this many variables would cost more than sweeping. */
const DENSE_LIMIT = 600;
/** Two values closer than this are the same fixed point (well inside §4's 1e-9). */
const EXACT = 1e-13;
/** A row whose weights sum to more than this feeds itself fully: it has no leak. */
const CLOSED = 1 - 1e-12;

export interface ComponentResult {
  steps: number;
  converged: boolean;
}

/**
 * Solves §4 on one strongly connected component of variables (ranks up to
 * end - 1, the lower ones settled), given everything upstream settled: the greatest fixed point
 * below the current values, which are an upper bound (they come from the
 * baseline, a larger state).
 *
 * First a few recomputations in rank order, enough when changes die out
 * quickly. Then strategy iteration: at the current values each variable's
 * active piece is fixed (which input is scarcest, or the cap at 1), the
 * resulting linear system x = A x + b is solved exactly over the members
 * touched so far, the values set, and the pieces checked again. Each solve
 * lands on or above the greatest fixed point and strictly lowers the values
 * until the pieces stop changing, so it takes a handful of rounds instead of
 * the hundreds of sweeps a loop feeding itself 90 % would need. Members that
 * feed themselves fully (a loop with no other input) keep their values, as
 * the optimistic rule of §3 says.
 */
export function solveComponent(run: FractionVariables, queued: number[], end: number): ComponentResult {
  const members: number[] = [];
  const seen = new Set<number>();
  const note = (x: number): void => {
    if (!seen.has(x)) {
      seen.add(x);
      members.push(x);
    }
  };
  queued.forEach(note);
  let steps = 0;

  // Cheap rounds first: recompute in rank order while the budget lasts.
  let pending = queued.slice();
  const budget = 4 * pending.length + 32;
  while (pending.length > 0 && steps < budget) {
    pending.sort((a, b) => rankOf(run, a) - rankOf(run, b));
    for (const x of pending) {
      steps++;
      run.assignVariable(x, run.evaluateVariable(x), false);
    }
    pending = [];
    run.drainQueued(end, pending);
    pending.forEach(note);
  }
  // Recomputations keep back changes of at most FRACTION_EPSILON; a loop is then solved exactly instead.
  if (pending.length === 0 && isFixedPoint(run, members)) return { steps, converged: true };
  pending.forEach(note);

  for (let round = 0; round < 200; round++) {
    const size = members.length;
    const solved = size <= DENSE_LIMIT ? solveDense(run, members) : solveBySweeps(run, members);
    steps += solved.steps;
    let lowered = false;
    for (let k = 0; k < size; k++) {
      if (solved.values[k] < run.variableValue(members[k]) - EXACT) lowered = true;
      run.assignVariable(members[k], solved.values[k], true);
    }
    if (!lowered) {
      // The pieces kept every value although they are no fixed point: recompute a few times to move past the tie.
      for (let sweep = 0; sweep < 8; sweep++) {
        for (const x of members) run.assignVariable(x, run.evaluateVariable(x), true);
        steps += size;
      }
    }
    pending = [];
    run.drainQueued(end, pending);
    let stable = true;
    for (const x of pending) {
      if (!seen.has(x)) stable = false;
      note(x);
    }
    // Same members: done when the values are a fixed point of §4 (the pieces did not change).
    if (stable && isFixedPoint(run, members)) return { steps, converged: true };
  }
  return { steps, converged: false };
}

function isFixedPoint(run: FractionVariables, members: readonly number[]): boolean {
  for (const x of members) {
    if (Math.abs(run.evaluateVariable(x) - run.variableValue(x)) > EXACT) return false;
  }
  return true;
}

function rankOf(run: FractionVariables, x: number): number {
  return run.rankOf(x);
}

/**
 * Members that feed themselves fully depend on such members only; the
 * greatest solution below the current values is reached by sweeping them
 * (a loop is already constant: a post-fixed point of a stochastic loop is).
 */
function sweepClosed(system: PieceSystem, closed: Uint8Array, values: Float64Array): number {
  const size = values.length;
  let steps = 0;
  for (let sweep = 0; sweep < 10 * size + 10; sweep++) {
    let change = 0;
    for (let k = 0; k < size; k++) {
      if (closed[k] === 0) continue;
      steps++;
      let next = system.constant[k];
      const cols = system.columns[k];
      const ws = system.weights[k];
      for (let j = 0; j < cols.length; j++) next += ws[j] * values[cols[j]];
      if (next < values[k]) {
        change = Math.max(change, values[k] - next);
        values[k] = Math.max(0, next);
      }
    }
    if (change <= EXACT) break;
  }
  return steps;
}

/** The linear system of the active pieces at the current values, over `members`. */
interface PieceSystem {
  /** Row k: coefficients on members (by position) and the constant. */
  columns: number[][];
  weights: number[][];
  constant: Float64Array;
  rowSum: Float64Array;
}

function pieces(run: FractionVariables, members: number[]): PieceSystem {
  const graph = run.graph;
  const n = graph.nodeCount;
  const position = new Map<number, number>();
  members.forEach((x, k) => position.set(x, k));
  const size = members.length;
  const columns: number[][] = [];
  const weights: number[][] = [];
  const constant = new Float64Array(size);
  const rowSum = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const x = members[k];
    const cols: number[] = [];
    const ws: number[] = [];
    columns.push(cols);
    weights.push(ws);
    const own = run.variableOwn(x);
    if (own === 0) continue;
    // The active port: a pass-through product's own, or a producer's scarcest input (none when all are capped).
    let port = -1;
    if (x >= n) {
      const q = x - n;
      const originates = graph.portLinkStart[q] === graph.portLinkStart[q + 1];
      if (!originates && run.portSupplySum(q) < 1) port = q;
    } else {
      // On a tie, the input that depends least on the component itself: a loop that only feeds itself
      // must not hide a drop the other input passes on (the pieces would then never change).
      let least = 1;
      let leastInside = Infinity;
      for (let q = graph.nodePortStart[x]; q < graph.nodePortStart[x + 1]; q++) {
        const sum = run.portSupplySum(q);
        if (sum > least + TIE) continue;
        const inside = insideShare(run, q, position);
        if (sum < least - TIE || inside < leastInside) {
          least = Math.min(least, sum);
          leastInside = inside;
          port = q;
        }
      }
    }
    if (port < 0) {
      constant[k] = own;
      continue;
    }
    let sum = run.portSupplySum(port);
    if (sum < 0) sum = 0;
    let inside = 0;
    for (let i = graph.portLinkStart[port]; i < graph.portLinkStart[port + 1]; i++) {
      const l = graph.portLinks[i];
      if (!run.carriesValue(l)) continue;
      const at = position.get(sourceVariable(graph, l));
      if (at === undefined) continue;
      const w = own * graph.linkShare[l];
      cols.push(at);
      ws.push(w);
      inside += graph.linkShare[l] * run.variableValue(members[at]);
      rowSum[k] += w;
    }
    constant[k] = Math.max(0, own * (sum - inside));
  }
  return { columns, weights, constant, rowSum };
}

/** Sums this close are a tie between two inputs. */
const TIE = 1e-15;

/** Share of port q's supply that comes from members of the component. */
function insideShare(run: FractionVariables, q: number, position: Map<number, number>): number {
  const graph = run.graph;
  let inside = 0;
  for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
    const l = graph.portLinks[i];
    if (run.carriesValue(l) && position.has(sourceVariable(graph, l))) inside += graph.linkShare[l];
  }
  return inside;
}

/**
 * Members that cannot reach a leak (a row with weights summing below 1)
 * through their inputs feed themselves fully: the greatest solution keeps
 * their current values.
 */
function closedMembers(system: PieceSystem): Uint8Array {
  const size = system.rowSum.length;
  const drains = new Uint8Array(size);
  const customers: number[][] = Array.from({ length: size }, () => []);
  for (let k = 0; k < size; k++) for (const c of system.columns[k]) customers[c].push(k);
  const stack: number[] = [];
  for (let k = 0; k < size; k++) {
    if (system.rowSum[k] < CLOSED) {
      drains[k] = 1;
      stack.push(k);
    }
  }
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const c of customers[k]) {
      if (drains[c] === 0) {
        drains[c] = 1;
        stack.push(c);
      }
    }
  }
  const closed = new Uint8Array(size);
  for (let k = 0; k < size; k++) closed[k] = drains[k] === 0 ? 1 : 0;
  return closed;
}

/** Gaussian elimination with partial pivoting on (I - A) x = b over the draining members. */
function solveDense(run: FractionVariables, members: number[]): { values: Float64Array; steps: number } {
  const system = pieces(run, members);
  const closed = closedMembers(system);
  const size = members.length;
  const values = new Float64Array(size);
  const index = new Int32Array(size).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < size; k++) {
    values[k] = run.variableValue(members[k]);
    if (closed[k] === 0) {
      index[k] = open.length;
      open.push(k);
    }
  }
  const t = open.length;
  const matrix = new Float64Array(t * (t + 1));
  for (let r = 0; r < t; r++) {
    const k = open[r];
    const row = r * (t + 1);
    matrix[row + r] += 1;
    let rhs = system.constant[k];
    const cols = system.columns[k];
    const ws = system.weights[k];
    for (let j = 0; j < cols.length; j++) {
      const c = index[cols[j]];
      if (c < 0) rhs += ws[j] * values[cols[j]];
      else matrix[row + c] -= ws[j];
    }
    matrix[row + t] = rhs;
  }
  for (let col = 0; col < t; col++) {
    let pivot = col;
    for (let r = col + 1; r < t; r++) {
      if (Math.abs(matrix[r * (t + 1) + col]) > Math.abs(matrix[pivot * (t + 1) + col])) pivot = r;
    }
    if (pivot !== col) {
      for (let c = col; c <= t; c++) {
        const a = col * (t + 1) + c;
        const b = pivot * (t + 1) + c;
        const tmp = matrix[a];
        matrix[a] = matrix[b];
        matrix[b] = tmp;
      }
    }
    const diagonal = matrix[col * (t + 1) + col];
    if (Math.abs(diagonal) < 1e-300) continue;
    for (let r = col + 1; r < t; r++) {
      const factor = matrix[r * (t + 1) + col] / diagonal;
      if (factor === 0) continue;
      for (let c = col; c <= t; c++) matrix[r * (t + 1) + c] -= factor * matrix[col * (t + 1) + c];
    }
  }
  const solution = new Float64Array(t);
  for (let r = t - 1; r >= 0; r--) {
    let rhs = matrix[r * (t + 1) + t];
    for (let c = r + 1; c < t; c++) rhs -= matrix[r * (t + 1) + c] * solution[c];
    const diagonal = matrix[r * (t + 1) + r];
    solution[r] = Math.abs(diagonal) < 1e-300 ? values[open[r]] : rhs / diagonal;
  }
  for (let r = 0; r < t; r++) {
    const k = open[r];
    // Never above the current value (it bounds the greatest fixed point), never below 0.
    values[k] = Math.min(values[k], Math.max(0, solution[r]));
  }
  return { values, steps: t + sweepClosed(system, closed, values) };
}

/** Gauss-Seidel sweeps on x = A x + b for components too large to solve densely. */
function solveBySweeps(run: FractionVariables, members: number[]): { values: Float64Array; steps: number } {
  const system = pieces(run, members);
  const size = members.length;
  const values = new Float64Array(size);
  for (let k = 0; k < size; k++) values[k] = run.variableValue(members[k]);
  let steps = 0;
  for (let sweep = 0; sweep < 100_000; sweep++) {
    let change = 0;
    for (let k = 0; k < size; k++) {
      let next = system.constant[k];
      const cols = system.columns[k];
      const ws = system.weights[k];
      for (let j = 0; j < cols.length; j++) next += ws[j] * values[cols[j]];
      next = Math.min(values[k], Math.max(0, next));
      change = Math.max(change, values[k] - next);
      values[k] = next;
    }
    steps += size;
    if (change <= EXACT) break;
  }
  return { values, steps };
}
