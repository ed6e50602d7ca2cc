import { Kind, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { selectedFields } from './selected-fields';

/** The fields an operation selects at its root, through fragments (see selectedFields). */
export function operationRootFields(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  return selectedFields([operation.selectionSet], (name) => fragments.get(name));
}
