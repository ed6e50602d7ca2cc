import type { GraphQLResolveInfo } from 'graphql';
import { pagesOf } from '../impact/impact-needs';
import type { ComparisonPageNeed } from '../impact/impact.jobs';

/** The comparison's paged fields and the group each pages. */
const GROUP_FIELDS = [
  ['stalledOnlyInA', 'ONLY_IN_A'],
  ['stalledOnlyInB', 'ONLY_IN_B'],
  ['stalledInBoth', 'IN_BOTH'],
] as const;

/** The pages of the comparison groups a query reads of `compareScenarios`: the job builds exactly these rows. */
export function comparisonPages(info: GraphQLResolveInfo): ComparisonPageNeed[] {
  return GROUP_FIELDS.flatMap(([field, group]) =>
    pagesOf(info, info.fieldNodes, 'ScenarioComparison', field).map((page) => ({ group, ...page })),
  );
}
