import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationAliases, operationDepth } from '../../src/platform/graphql/plugins/operation-depth';
import { operationRootFields } from '../../src/platform/graphql/operation-root-fields';

function operationOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return { document, operation };
}

/** F0 uses F1 twice, F1 uses F2 twice, ...: expanded at every use it would be 2^levels fields. */
function doublingFragments(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Enterprise { suppliers { from { ...F${i + 1} } } customers { to { ...F${i + 1} } } }`,
  );
  return [`{ enterprise(id: "x") { ...F0 } }`, ...fragments, `fragment F${levels} on Enterprise { id }`].join('\n');
}

describe('operation depth, aliases and root fields', () => {
  it('measures depth through fragments, each fragment once, so 60 doubling levels take no longer than one', () => {
    const { document, operation } = operationOf(doublingFragments(60));
    // enterprise, then suppliers { from } per level, then id.
    expect(operationDepth(document, operation)).toBe(1 + 60 * 2 + 1);
  });

  it('counts aliases of the operation and its fragments once each', () => {
    const { document, operation } = operationOf(`{
      a: enterprise(id: "1") { ...N }
      b: enterprise(id: "2") { ...N }
      enterprises { totalCount }
    }
    fragment N on Enterprise { label: name id }`);
    expect(operationAliases(document, operation)).toBe(3);
  });

  it('collects root fields through fragments and inline fragments', () => {
    const { document, operation } = operationOf(`query {
      ...Roots
      ... on Query { chain(id: "x") { truncated } }
    }
    fragment Roots on Query { one: enterprise(id: "1") { id } two: enterprise(id: "2") { id } }`);
    expect(operationRootFields(document, operation).map((field) => field.alias?.value ?? field.name.value)).toEqual([
      'one',
      'two',
      'chain',
    ]);
  });
});
