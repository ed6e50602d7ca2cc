import { getArgumentValues, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { decodeCursor, MAX_PAGE_SIZE } from '../../platform/graphql/pagination/cursor';
import { DEFAULT_PAGE_SIZE, type PageRequest } from '../../platform/graphql/pagination/page-request';
import type { TrajectoryPageNeed } from './run-simulation-job';

/**
 * The pages of `trajectories(first, after)` (forward pages) a query reads of the
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
        const page = pageOf(getArgumentValues(field, selection, info.variableValues) as PageRequest);
        if (page && !pages.some((p) => p.offset === page.offset && p.limit === page.limit)) pages.push(page);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return pages;
}

/**
 * The rows a forward page holds. A backward page depends on the count of
 * trajectories, unknown before the job runs: it is not foreseen, and is
 * computed again when read.
 */
function pageOf({ first, after, last, before }: PageRequest): TrajectoryPageNeed | null {
  if (last != null || before != null) return null;
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return null;
  try {
    const offset = typeof after === 'string' ? Number(decodeCursor(after)) + 1 : 0;
    return Number.isInteger(offset) && offset >= 0 ? { offset, limit: size } : null;
  } catch {
    return null;
  }
}
