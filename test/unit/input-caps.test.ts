import { getMetadataStorage as validationMetadata } from 'class-validator';
import { GraphQLID, GraphQLString } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../src/app/build-graphql-schema';

/**
 * Every free-text input of the schema has a size cap that class-validator
 * enforces: String and ID fields of input types and argument classes carry
 * @MaxLength (lists: @ArrayMaxSize and @MaxLength each), and input objects
 * nested in them carry @ValidateNested, so the caps inside apply too. Inline
 * String or ID arguments are never validated, so there must be none.
 */

/** Nested inputs checked elsewhere, and why. */
const NESTED_WITHOUT_VALIDATION: Record<string, string> = {
  'GraphImportInput.enterprises': 'importGraph validates the rows itself, row by row, with the same classes',
  'GraphImportInput.links': 'importGraph validates the rows itself, row by row, with the same classes',
};

/** A class as type-graphql and class-validator keep it. */
type InputClass = (typeof storage.inputTypes)[number]['target'];

const storage = getMetadataStorage();
let inputClasses: { name: string; target: InputClass }[] = [];

beforeAll(async () => {
  await buildGraphQLSchema();
  inputClasses = [...storage.inputTypes, ...storage.argumentTypes].map((c) => ({ name: c.name, target: c.target }));
});

function rulesOf(target: InputClass, property: string) {
  return validationMetadata()
    .getTargetValidationMetadatas(target, '', false, false)
    .filter((rule) => rule.propertyName === property);
}

const isText = (type: unknown) => type === String || type === GraphQLString || type === GraphQLID;

describe('size caps on free-text inputs', () => {
  it('knows the input and argument classes of the schema', () => {
    expect(inputClasses.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'EnterpriseInput',
        'EnterpriseFilter',
        'ScenarioInput',
        'PageArgs',
        'IdArgs',
        'StatusChangeFilter',
        'StatusChangedArgs',
      ]),
    );
  });

  it('caps every String and ID field of every input type and argument class, nested inputs included', () => {
    const missing: string[] = [];
    for (const { name, target } of inputClasses) {
      for (const field of storage.fields.filter((f) => f.target === target)) {
        const where = `${name}.${field.name}`;
        const type = field.getType();
        const rules = rulesOf(target, field.name);
        const has = (rule: string, each = false) => rules.some((r) => r.name === rule && Boolean(r.each) === each);
        if (isText(type)) {
          const list = Boolean(field.typeOptions.array);
          if (!has('maxLength', list)) missing.push(`${where}: @MaxLength${list ? '({ each: true })' : ''}`);
          if (list && !has('arrayMaxSize')) missing.push(`${where}: @ArrayMaxSize`);
        } else if (inputClasses.some((c) => c.target === type) && !NESTED_WITHOUT_VALIDATION[where]) {
          if (!rules.some((r) => r.type === 'nestedValidation')) missing.push(`${where}: @ValidateNested`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no inline String or ID argument, which no validator would see', () => {
    const inline = storage.params
      .filter((param) => param.kind === 'arg' && isText(param.getType()))
      .map((param) => `${param.target.name}.${param.methodName}(${(param as { name: string }).name})`);
    expect(inline).toEqual([]);
  });
});
