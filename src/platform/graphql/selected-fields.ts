import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The fields selection sets (a field's, or none) select directly, through fragments and inline
 * fragments (each fragment visited once, so the walk is linear in the
 * document). Fields under @skip or @include count as selected.
 */
export function selectedFields(
  selectionSets: readonly (SelectionSetNode | undefined)[],
  fragmentNamed: (name: string) => FragmentDefinitionNode | undefined,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragmentNamed(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) if (selectionSet) visit(selectionSet);
  return fields;
}
