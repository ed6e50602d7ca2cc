import {
  getArgumentValues,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { pageStart } from '../../platform/graphql/pagination/cursor';
import { MAX_DRAWN_NODES } from './impact-limits';
import type { ImpactNeeds, PageNeed } from './impact.jobs';

/** The fields named `name` selected under these fields, through fragments and inline fragments. */
export function selectedFields(info: GraphQLResolveInfo, nodes: readonly FieldNode[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (selection.name.value === name) found.push(selection);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return found;
}

/**
 * What a query reads of the impact reports at these fields (`impact`, a
 * saved scenario's `report`, a comparison's `a`): the pages of `stalled` and
 * `partial`, the summaries and the drawings, with their arguments. The job
 * computes exactly these, since the engine's lazy result stays in the
 * worker. Arguments the field resolvers will refuse are left out; @skip and
 * @include are not evaluated (asking for more is harmless).
 */
export function impactNeeds(info: GraphQLResolveInfo, nodes: readonly FieldNode[] = info.fieldNodes): ImpactNeeds {
  const fields = (info.schema.getType('ImpactReport') as GraphQLObjectType).getFields();
  const argumentsOf = (name: string, node: FieldNode) => getArgumentValues(fields[name], node, info.variableValues);
  const pages: PageNeed[] = [
    ...pagesOf(info, nodes, 'ImpactReport', 'stalled').map((page) => ({ group: 'STALLED' as const, ...page })),
    ...pagesOf(info, nodes, 'ImpactReport', 'partial').map((page) => ({ group: 'PARTIAL' as const, ...page })),
  ];
  const drawings = new Set<number>();
  for (const node of selectedFields(info, nodes, 'graph')) {
    const { maxNodes } = argumentsOf('graph', node) as { maxNodes: number };
    if (Number.isInteger(maxNodes) && maxNodes >= 1 && maxNodes <= MAX_DRAWN_NODES) drawings.add(maxNodes);
  }
  const summaries: ImpactNeeds['summaries'] = [];
  if (selectedFields(info, nodes, 'byKind').length > 0) summaries.push('KIND');
  if (selectedFields(info, nodes, 'byRegion').length > 0) summaries.push('REGION');
  return { pages, summaries, drawings: [...drawings] };
}

/**
 * The pages (`first`, `after`) of the connection field `field` of `type`
 * selected under these fields, each once. Arguments the field resolver will
 * refuse are left out: it refuses them with the proper error.
 */
export function pagesOf(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  type: string,
  field: string,
): { offset: number; limit: number }[] {
  const definition = (info.schema.getType(type) as GraphQLObjectType).getFields()[field];
  const pages: { offset: number; limit: number }[] = [];
  for (const node of selectedFields(info, nodes, field)) {
    try {
      const { first, after } = getArgumentValues(definition, node, info.variableValues) as {
        first: number;
        after?: string | null;
      };
      const offset = pageStart(first, after);
      if (!pages.some((p) => p.offset === offset && p.limit === first)) pages.push({ offset, limit: first });
    } catch {
      // Left to the field resolver.
    }
  }
  return pages;
}

/** A part of the answer an engine job was asked for; missing only if the needs missed a field (a bug). */
export function prepared<T>(part: T | undefined, what: string): T {
  if (part === undefined) throw new Error(`the engine job was not asked for ${what}`);
  return part;
}
