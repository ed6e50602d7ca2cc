export interface LayoutNode {
  id: string;
  tier: number;
  /** Tie-breaker inside a column, e.g. kind then name. */
  sortKey: string;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutOptions {
  columnGap: number;
  rowGap: number;
  /** Barycenter passes that reorder each column by its neighbours to cut crossings. */
  sweeps: number;
  /** Columns longer than this zigzag over two lanes, rows denseRowGap apart. */
  denseAbove: number;
  denseRowGap: number;
  /** How far each lane of a zigzag column sits left or right of the column. */
  laneOffset: number;
}

const DEFAULTS: LayoutOptions = {
  columnGap: 260,
  rowGap: 66,
  sweeps: 4,
  denseAbove: 7,
  denseRowGap: 44,
  laneOffset: 50,
};

/**
 * Positions for a chain laid out by tier: one column per tier, upstream
 * (negative tiers) on the left, the start in the middle column, downstream on
 * the right. Inside a column, nodes are ordered by the mean row of their
 * neighbours in the adjacent columns (a few down-and-up sweeps), so links run
 * mostly straight; columns are centred on y = 0. Long columns zigzag over
 * two lanes so that they stay compact and their labels do not collide.
 */
export function tierLayout(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Map<string, { x: number; y: number }> {
  const { columnGap, rowGap, sweeps, denseAbove, denseRowGap, laneOffset } = { ...DEFAULTS, ...options };
  const columns = new Map<number, LayoutNode[]>();
  for (const node of nodes) {
    const column = columns.get(node.tier) ?? [];
    column.push(node);
    columns.set(node.tier, column);
  }
  const tiers = [...columns.keys()].sort((a, b) => a - b);
  for (const tier of tiers) columns.get(tier)!.sort((a, b) => a.sortKey.localeCompare(b.sortKey));

  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a) ?? [];
    list.push(b);
    neighbours.set(a, list);
  };
  for (const edge of edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }

  const row = new Map<string, number>();
  const tierOf = new Map(nodes.map((node) => [node.id, node.tier]));
  const assignRows = (tier: number) => {
    const column = columns.get(tier)!;
    column.forEach((node, index) => row.set(node.id, index - (column.length - 1) / 2));
  };
  tiers.forEach(assignRows);

  const reorder = (tier: number, fromTier: number) => {
    const column = columns.get(tier)!;
    const barycenter = new Map<string, number>();
    for (const node of column) {
      const rows = (neighbours.get(node.id) ?? [])
        .filter((other) => tierOf.get(other) === fromTier)
        .map((other) => row.get(other)!);
      barycenter.set(
        node.id,
        rows.length ? rows.reduce((sum, value) => sum + value, 0) / rows.length : row.get(node.id)!,
      );
    }
    column.sort((a, b) => barycenter.get(a.id)! - barycenter.get(b.id)! || a.sortKey.localeCompare(b.sortKey));
    assignRows(tier);
  };

  // Sweep outwards from the start column (tier 0 or the nearest) both ways.
  for (let pass = 0; pass < sweeps; pass++) {
    for (let i = 1; i < tiers.length; i++) if (tiers[i] > 0) reorder(tiers[i], tiers[i - 1]);
    for (let i = tiers.length - 2; i >= 0; i--) if (tiers[i] < 0) reorder(tiers[i], tiers[i + 1]);
  }

  const positions = new Map<string, { x: number; y: number }>();
  for (const tier of tiers) {
    const column = columns.get(tier)!;
    const dense = column.length > denseAbove;
    column.forEach((node, index) => {
      const lane = dense ? (index % 2 === 0 ? -laneOffset : laneOffset) : 0;
      positions.set(node.id, { x: tier * columnGap + lane, y: row.get(node.id)! * (dense ? denseRowGap : rowGap) });
    });
  }
  return positions;
}
