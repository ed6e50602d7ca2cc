import { getArgumentValues, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { offsetWindow, type OffsetWindow } from '../../platform/graphql/pagination/cursor';
import type { PageRequest } from '../../platform/graphql/pagination/page-request';
import { selectedFields } from '../../platform/graphql/selected-fields';
import { MAX_DRAWN_NODES } from './impact-limits';
import type { ImpactNeeds, PageNeed } from './impact.jobs';

/** The fields selected under these fields, through fragments and inline fragments. */
export function fieldsUnder(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): FieldNode[] {
  const selectionSets = nodes.map((node) => node.selectionSet);
  return selectedFields(selectionSets, (fragment) => info.fragments[fragment]);
}

/** The fields named `name` selected under these fields, through fragments and inline fragments. */
export function fieldsNamed(info: GraphQLResolveInfo, nodes: readonly FieldNode[], name: string): FieldNode[] {
  return fieldsUnder(info, nodes).filter((f) => f.name.value === name);
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
  for (const node of fieldsNamed(info, nodes, 'graph')) {
    const { maxNodes } = argumentsOf('graph', node) as { maxNodes: number };
    if (Number.isInteger(maxNodes) && maxNodes >= 1 && maxNodes <= MAX_DRAWN_NODES) drawings.add(maxNodes);
  }
  const summaries: ImpactNeeds['summaries'] = [];
  if (fieldsNamed(info, nodes, 'byKind').length > 0) summaries.push('KIND');
  if (fieldsNamed(info, nodes, 'byRegion').length > 0) summaries.push('REGION');
  return { pages, summaries, drawings: [...drawings] };
}

/**
 * The pages (forward or backward) of the connection field `field` of `type`
 * selected under these fields, each once. Arguments the field resolver will
 * refuse are left out: it refuses them with the proper error.
 */
export function pagesOf(
  info: GraphQLResolveInfo,
  nodes: readonly FieldNode[],
  type: string,
  field: string,
): OffsetWindow[] {
  const definition = (info.schema.getType(type) as GraphQLObjectType).getFields()[field];
  const pages: OffsetWindow[] = [];
  for (const node of fieldsNamed(info, nodes, field)) {
    try {
      const page = offsetWindow(getArgumentValues(definition, node, info.variableValues) as PageRequest);
      const same = (p: OffsetWindow) =>
        p.backward === page.backward && p.offset === page.offset && p.size === page.size;
      if (!pages.some(same)) pages.push(page);
    } catch {
      // Left to the field resolver.
    }
  }
  return pages;
}

/**
 * The page a job built for the range `start`, `count` of a group, found by
 * where it starts (a page read backward starts where the total puts it).
 */
export function builtPage<T extends { start: number; rows: unknown[] }>(
  pages: readonly T[],
  matches: (page: T) => boolean,
  start: number,
  count: number,
  what: string,
): T {
  return prepared(
    pages.find((p) => matches(p) && p.start === start && p.rows.length >= count),
    `${what} rows from ${start}`,
  );
}

/** A part of the answer an engine job was asked for; missing only if the needs missed a field (a bug). */
export function prepared<T>(part: T | undefined, what: string): T {
  if (part === undefined) throw new Error(`the engine job was not asked for ${what}`);
  return part;
}
