import type { PropagationScratch } from './propagation-scratch';

/**
 * Cause chains of one run's stalled enterprises. Steps are recorded by node
 * or nodeCount + port: the link upstream (times 2, plus 1 when the chain
 * starts with it), or -1. Shared by every row asked for, so a chain is
 * walked once however many rows end on it.
 */
export class CauseTrail {
  private readonly steps = new Map<number, number>();

  constructor(private readonly run: PropagationScratch) {}

  /**
   * Records the cause steps of v (and of everything upstream on its chain
   * not yet recorded): a chain is then read with chain(). Amortised O(1) per
   * enterprise over all the rows asked for.
   */
  record(v: number): void {
    const run = this.run;
    const graph = run.graph;
    let node = v;
    let port = -1; // the pass-through product being followed, when known
    for (;;) {
      const key = port >= 0 ? graph.nodeCount + port : node;
      if (this.steps.has(key) || run.isDirect(node)) return;
      const link = this.causeStep(node, port);
      if (link < 0) {
        this.steps.set(key, -1);
        return;
      }
      const next = graph.linkFrom[link];
      const last = run.isLinkNewlyBlocked(link) || run.isDirect(next);
      this.steps.set(key, link * 2 + (last ? 1 : 0));
      if (last) return;
      node = next;
      port = graph.linkSourcePort[link];
    }
  }

  /** Link indices from the block to v, upstream first. */
  chain(v: number): number[] {
    const graph = this.run.graph;
    const links: number[] = [];
    const seen = new Set<number>();
    let key = v;
    for (;;) {
      const step = this.steps.get(key);
      if (step === undefined || step < 0 || seen.has(key)) break;
      seen.add(key);
      const link = Math.floor(step / 2);
      links.push(link);
      if (step % 2 === 1) break;
      const sourcePort = graph.linkSourcePort[link];
      key = sourcePort >= 0 ? graph.nodeCount + sourcePort : graph.linkFrom[link];
    }
    return links.reverse();
  }

  /** The next link upstream on v's cause chain (through pass-through port `port` when known), or -1. */
  private causeStep(node: number, port: number): number {
    const run = this.run;
    const graph = run.graph;
    let follow = -1;
    if (port >= 0) {
      if (run.isPortFailed(port)) follow = port;
    } else {
      const stopPort = run.stopPortOf(node);
      if (stopPort !== null) follow = stopPort;
      else if (run.lostSomePort(node)) {
        for (let q = graph.nodePortStart[node]; q < graph.nodePortStart[node + 1]; q++) {
          if (run.isPortFailed(q)) {
            follow = q;
            break;
          }
        }
      }
    }
    if (follow >= 0) {
      const link = run.lastStoppedLink(follow);
      if (link >= 0) return link;
    }
    const from = port >= 0 ? port : graph.nodePortStart[node];
    const to = port >= 0 ? port + 1 : graph.nodePortStart[node + 1];
    return this.droppedInput(from, to);
  }

  /** An inbound link of ports [from, to) that is cut, else one whose supplier's output dropped. */
  private droppedInput(from: number, to: number): number {
    const run = this.run;
    const graph = run.graph;
    for (let q = from; q < to; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        if (run.isLinkCut(graph.portLinks[i])) return graph.portLinks[i];
      }
    }
    // The supplier whose output dropped most: in a cycle, the way back towards the block.
    let best = -1;
    let bestDrop = 1e-12;
    for (let q = from; q < to; q++) {
      for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
        const l = graph.portLinks[i];
        if (!run.carriesValue(l)) continue;
        const drop = run.baseSourceValue(l) - run.sourceValue(l);
        if (drop > bestDrop) {
          best = l;
          bestDrop = drop;
        }
      }
    }
    return best;
  }
}
