export interface CollapseNode {
  id: string;
  tier: number;
}

export interface CollapseEdge {
  id: string;
  source: string;
  target: string;
}

export interface Collapsed {
  /** Enterprises drawn one by one. */
  shown: Set<string>;
  /** Per collapsed tier: the id of its "+N more" node and the enterprises it stands for. */
  groups: Map<number, { id: string; hidden: string[] }>;
  /** The links to draw: each end that is hidden replaced by its tier's count node, duplicates merged. */
  edges: { id: string; source: string; target: string; aggregate: boolean }[];
}

/** The id of the count node of a tier. */
export const moreNodeId = (tier: number) => `more:${tier}`;

/**
 * Keeps at most `maxPerTier` enterprises of each tier not in `expanded`
 * (always those in `keep`, then the best connected), the rest stand behind
 * one "+N more" node per tier, so a hub's chain stays readable.
 */
export function collapseTiers(
  nodes: CollapseNode[],
  edges: CollapseEdge[],
  options: { maxPerTier: number; expanded: ReadonlySet<number>; keep: ReadonlySet<string> },
): Collapsed {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  const tiers = new Map<number, CollapseNode[]>();
  for (const node of nodes) tiers.set(node.tier, [...(tiers.get(node.tier) ?? []), node]);

  const shown = new Set<string>();
  const groups = new Map<number, { id: string; hidden: string[] }>();
  const stand = new Map<string, string>();
  for (const [tier, list] of tiers) {
    // One count node is worth it only when it hides at least two.
    if (options.expanded.has(tier) || list.length <= options.maxPerTier + 1) {
      for (const node of list) shown.add(node.id);
      continue;
    }
    const ranked = [...list].sort(
      (a, b) =>
        Number(options.keep.has(b.id)) - Number(options.keep.has(a.id)) ||
        (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
        a.id.localeCompare(b.id),
    );
    const kept = ranked.slice(0, Math.max(options.maxPerTier, list.filter((n) => options.keep.has(n.id)).length));
    for (const node of kept) shown.add(node.id);
    const id = moreNodeId(tier);
    const hidden = ranked.slice(kept.length).map((node) => node.id);
    for (const hiddenId of hidden) stand.set(hiddenId, id);
    groups.set(tier, { id, hidden });
  }

  const drawn = new Map<string, Collapsed['edges'][number]>();
  for (const edge of edges) {
    const source = stand.get(edge.source) ?? edge.source;
    const target = stand.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) {
      drawn.set(edge.id, { ...edge, aggregate: false });
      continue;
    }
    if (source === target) continue;
    const id = `agg:${source}->${target}`;
    if (!drawn.has(id)) drawn.set(id, { id, source, target, aggregate: true });
  }
  return { shown, groups, edges: [...drawn.values()] };
}
