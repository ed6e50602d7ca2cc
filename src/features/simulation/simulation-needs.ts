import { getArgumentValues, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { decodeCursor, MAX_PAGE_SIZE } from '../../platform/graphql/pagination/cursor';
import type { TrajectoryPageNeed } from './run-simulation-job';

/**
 * The pages of `trajectories(first, after)` a query reads of the
 * SimulationResult at these field nodes (`simulate`, a saved scenario's
 * `simulation`), through fragments. The job builds exactly these, with the
 * ids of the graph it ran on. Arguments the field resolver will refuse are
 * left out (it refuses them with the proper error); @skip and @include are
 * not evaluated (asking for more is harmless).
 */
export function trajectoryPages(info: GraphQLResolveInfo, nodes: readonly FieldNode[] = info.fieldNodes) {
  const field = (info.schema.getType('SimulationResult') as GraphQLObjectType).getFields().trajectories;
  const pages: TrajectoryPageNeed[] = [];
  const visit = (selections: FieldNode['selectionSet']) => {
    for (const selection of selections?.selections ?? []) {
      if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else if (selection.kind === 'FragmentSpread') visit(info.fragments[selection.name.value]?.selectionSet);
      else if (selection.name.value === 'trajectories') {
        const page = pageOf(getArgumentValues(field, selection, info.variableValues));
        if (page && !pages.some((p) => p.offset === page.offset && p.limit === page.limit)) pages.push(page);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return pages;
}

function pageOf({ first, after }: { first?: unknown; after?: unknown }): TrajectoryPageNeed | null {
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) return null;
  try {
    const offset = typeof after === 'string' ? Number(decodeCursor(after)) + 1 : 0;
    return Number.isInteger(offset) && offset >= 0 ? { offset, limit: first } : null;
  } catch {
    return null;
  }
}
