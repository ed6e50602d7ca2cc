import type { SupplyGraph } from '../supply-graph';

/**
 * The order in which a day's fractions are computed. Values flow along
 * links from one "flow vertex" to the next: a producer is one vertex (it
 * outputs every product at one fraction), a pass-through is one vertex per
 * product (§4 gives it a fraction per product). Splitting pass-throughs by
 * product matters: a logistics hub that forwards dyestuff to dyers and
 * garments out of the cluster is no cycle, although the enterprise graph
 * has one through it.
 *
 * Vertices are numbered by rank: suppliers before customers, and the
 * members of one strongly connected component (a real cycle of goods) on
 * consecutive ranks. A worklist popped in rank order then computes every
 * vertex outside cycles once per day, after all its suppliers.
 */
export interface FlowOrder {
  readonly vertexCount: number;
  /** Vertex of each producer; -1 for pass-throughs. */
  readonly vertexOfNode: Int32Array;
  /** Vertex of each pass-through port; -1 for producers' ports. */
  readonly vertexOfPort: Int32Array;
  /** Per vertex: the producer's node index, or -(port + 1) for a pass-through port. */
  readonly entity: Int32Array;
  /** Per vertex: first and one-past-last vertex of its component (itself and itself + 1 outside cycles). */
  readonly componentStart: Int32Array;
  readonly componentEnd: Int32Array;
  /** Per vertex: 1 when on a cycle (a component of two or more, or a link to itself). */
  readonly cyclic: Uint8Array;
  /**
   * The ports renumbered as "flow ports", in vertex order: vertex x reads
   * flow ports vertexPortStart[x] .. vertexPortStart[x + 1] - 1 (a
   * producer: one per input product; a pass-through product: its one port).
   * Everything a day touches is laid out in this order, so that a day's
   * sweep in rank order walks memory forwards.
   */
  readonly vertexPortStart: Int32Array;
  /** Flow port of each graph port, and back. */
  readonly flowPortOf: Int32Array;
  readonly graphPortOf: Int32Array;
  /** Per flow port: the vertex that reads it. */
  readonly flowPortVertex: Int32Array;
  /** Inbound links of flow port p are at positions flowPortLinkStart[p] .. flowPortLinkStart[p + 1] - 1. */
  readonly flowPortLinkStart: Int32Array;
  /** Per inbound position i: the source vertex at 2i and the volume at 2i + 1, side by side. */
  readonly inLinks: Float64Array;
  /** Per inbound position: the link; and per link: its inbound position. */
  readonly inLink: Int32Array;
  readonly inPosition: Int32Array;
  /** Outbound links of vertex x are at out positions vertexOutStart[x] .. vertexOutStart[x + 1] - 1. */
  readonly vertexOutStart: Int32Array;
  /** Per out position: the vertex the link delivers into, and the link. */
  readonly outTarget: Int32Array;
  readonly outLink: Int32Array;
  /** Per link: its out position. */
  readonly outPosition: Int32Array;
}

/** Memoised per graph. */
export function flowOrderOf(graph: SupplyGraph): FlowOrder {
  return graph.memoize('simulation:flow-order', () => computeFlowOrder(graph));
}

function computeFlowOrder(graph: SupplyGraph): FlowOrder {
  const n = graph.nodeCount;
  const portCount = graph.portCount;
  // Provisional ids: producers first, then pass-through ports.
  const provisionalOfNode = new Int32Array(n).fill(-1);
  const provisionalOfPort = new Int32Array(portCount).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) if (graph.nodePassThrough[v] === 0) provisionalOfNode[v] = count++;
  const entityOf = new Int32Array(count + graph.portCount);
  for (let v = 0; v < n; v++) if (provisionalOfNode[v] >= 0) entityOf[provisionalOfNode[v]] = v;
  for (let q = 0; q < portCount; q++) {
    if (graph.nodePassThrough[graph.portNode[q]] === 0) continue;
    provisionalOfPort[q] = count;
    entityOf[count++] = -(q + 1);
  }
  const vertexCount = count;

  const edgeStart = new Int32Array(vertexCount);
  const edgeEnd = new Int32Array(vertexCount);
  for (let x = 0; x < vertexCount; x++) {
    const e = entityOf[x];
    if (e >= 0) {
      edgeStart[x] = graph.nodeOutStart[e];
      edgeEnd[x] = graph.nodeOutStart[e + 1];
    } else {
      edgeStart[x] = graph.portOutStart[-e - 1];
      edgeEnd[x] = graph.portOutEnd[-e - 1];
    }
  }
  // Per link, in link order (sequential reads): the vertices it leaves and enters; then per out edge.
  const m = graph.linkCount;
  const linkSource = new Int32Array(m);
  const linkTarget = new Int32Array(m);
  for (let l = 0; l < m; l++) {
    // provisionalOfNode is -1 exactly for pass-throughs, whose vertices are per port.
    const source = provisionalOfNode[graph.linkFrom[l]];
    const target = provisionalOfNode[graph.linkTo[l]];
    linkSource[l] = source >= 0 ? source : provisionalOfPort[graph.linkSourcePort[l]];
    linkTarget[l] = target >= 0 ? target : provisionalOfPort[graph.linkPort[l]];
  }
  const edgeTarget = new Int32Array(m);
  for (let i = 0; i < m; i++) edgeTarget[i] = linkTarget[graph.outLinks[i]];

  // Iterative Tarjan: components come out sinks first, so ranks are handed out from the top down.
  const rank = new Int32Array(vertexCount);
  const componentSize = new Int32Array(vertexCount);
  const index = new Int32Array(vertexCount).fill(-1);
  const low = new Int32Array(vertexCount);
  const onStack = new Uint8Array(vertexCount);
  const stack = new Int32Array(vertexCount);
  const callVertex = new Int32Array(vertexCount);
  const callEdge = new Int32Array(vertexCount);
  let stackTop = 0;
  let nextIndex = 0;
  let nextRank = vertexCount - 1;
  for (let root = 0; root < vertexCount; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callVertex[0] = root;
    callEdge[0] = edgeStart[root];
    index[root] = low[root] = nextIndex++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const x = callVertex[depth];
      const edge = callEdge[depth];
      if (edge < edgeEnd[x]) {
        callEdge[depth] = edge + 1;
        const y = edgeTarget[edge];
        if (index[y] === -1) {
          index[y] = low[y] = nextIndex++;
          stack[stackTop++] = y;
          onStack[y] = 1;
          depth++;
          callVertex[depth] = y;
          callEdge[depth] = edgeStart[y];
        } else if (onStack[y] === 1 && index[y] < low[x]) {
          low[x] = index[y];
        }
        continue;
      }
      if (low[x] === index[x]) {
        let start = stackTop - 1;
        while (stack[start] !== x) start--;
        const size = stackTop - start;
        const first = nextRank - size + 1;
        for (let k = 0; k < size; k++) {
          const y = stack[start + k];
          onStack[y] = 0;
          rank[y] = first + k;
          componentSize[y] = size;
        }
        nextRank -= size;
        stackTop = start;
      }
      depth--;
      if (depth >= 0) {
        const parent = callVertex[depth];
        if (low[x] < low[parent]) low[parent] = low[x];
      }
    }
  }

  // Renumber by rank.
  const vertexOfNode = new Int32Array(n).fill(-1);
  const vertexOfPort = new Int32Array(portCount).fill(-1);
  const entity = new Int32Array(vertexCount);
  const size = new Int32Array(vertexCount);
  for (let x = 0; x < vertexCount; x++) {
    const r = rank[x];
    const e = entityOf[x];
    entity[r] = e;
    size[r] = componentSize[x];
    if (e >= 0) vertexOfNode[e] = r;
    else vertexOfPort[-e - 1] = r;
  }
  const componentStart = new Int32Array(vertexCount);
  const componentEnd = new Int32Array(vertexCount);
  const cyclic = new Uint8Array(vertexCount);
  for (let r = 0; r < vertexCount;) {
    const end = r + size[r];
    for (let k = r; k < end; k++) {
      componentStart[k] = r;
      componentEnd[k] = end;
      if (end - r > 1) cyclic[k] = 1;
    }
    r = end;
  }
  for (let l = 0; l < m; l++) {
    linkSource[l] = rank[linkSource[l]];
    linkTarget[l] = rank[linkTarget[l]];
  }

  const vertexPortStart = new Int32Array(vertexCount + 1);
  const flowPortOf = new Int32Array(portCount);
  const graphPortOf = new Int32Array(portCount);
  const flowPortVertex = new Int32Array(portCount);
  const vertexOutStart = new Int32Array(vertexCount + 1);
  const outTarget = new Int32Array(m);
  const outLink = new Int32Array(m);
  const outPosition = new Int32Array(m);
  let flowPort = 0;
  let out = 0;
  for (let x = 0; x < vertexCount; x++) {
    const e = entity[x];
    const first = e >= 0 ? graph.nodePortStart[e] : -e - 1;
    const end = e >= 0 ? graph.nodePortStart[e + 1] : -e;
    vertexPortStart[x] = flowPort;
    for (let q = first; q < end; q++) {
      graphPortOf[flowPort] = q;
      flowPortOf[q] = flowPort;
      flowPortVertex[flowPort++] = x;
    }
    vertexOutStart[x] = out;
    const outFirst = e >= 0 ? graph.nodeOutStart[e] : graph.portOutStart[-e - 1];
    const outEnd = e >= 0 ? graph.nodeOutStart[e + 1] : graph.portOutEnd[-e - 1];
    for (let i = outFirst; i < outEnd; i++) {
      const l = graph.outLinks[i];
      outLink[out] = l;
      outTarget[out] = linkTarget[l];
      outPosition[l] = out++;
    }
  }
  vertexPortStart[vertexCount] = flowPort;
  vertexOutStart[vertexCount] = out;

  const flowPortLinkStart = new Int32Array(portCount + 1);
  const inLinks = new Float64Array(2 * m);
  const inLink = new Int32Array(m);
  const inPosition = new Int32Array(m);
  let position = 0;
  for (let p = 0; p < portCount; p++) {
    const q = graphPortOf[p];
    flowPortLinkStart[p] = position;
    for (let i = graph.portLinkStart[q]; i < graph.portLinkStart[q + 1]; i++) {
      const l = graph.portLinks[i];
      const source = linkSource[l];
      inLinks[2 * position] = source;
      inLinks[2 * position + 1] = graph.linkVolume[l];
      inLink[position] = l;
      inPosition[l] = position++;
      if (source === flowPortVertex[p]) cyclic[source] = 1;
    }
  }
  flowPortLinkStart[portCount] = position;

  const order: FlowOrder = {
    vertexCount,
    vertexOfNode,
    vertexOfPort,
    entity,
    componentStart,
    componentEnd,
    cyclic,
    vertexPortStart,
    flowPortOf,
    graphPortOf,
    flowPortVertex,
    flowPortLinkStart,
    inLinks,
    inLink,
    inPosition,
    vertexOutStart,
    outTarget,
    outLink,
    outPosition,
  };
  return order;
}
