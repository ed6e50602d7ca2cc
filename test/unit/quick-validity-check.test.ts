import 'reflect-metadata';
import { IsString, MinLength, registerDecorator, ValidateBy, ValidateNested, validateSync } from 'class-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnterpriseInput } from '../../src/features/enterprise/enterprise.input';
import { ROW_VALIDATION } from '../../src/features/import/graph-row-checker';
import { SupplyLinkInput } from '../../src/features/supply-link/supply-link.input';
import { buildQuickValidityCheck } from '../../src/platform/validation/quick-validity-check';

/** class-validator's own verdict, as the import asks for it. */
const classValidatorSays = (type: new () => object, row: Record<string, unknown>) =>
  validateSync(Object.assign(new type(), row), ROW_VALIDATION).length === 0;

/** Values that sit on and around the rules of the input classes' fields. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    ' ',
    'x',
    'kq-dye-alice',
    '-starts-with-dash',
    'has space',
    'a'.repeat(128),
    'a'.repeat(129),
    'n'.repeat(300),
    'n'.repeat(301),
    '浙江爱丽丝印染有限公司',
    'PRINTING_DYEING',
    'DYEHOUSE',
    'OPERATING',
    'PARTIAL',
    'STALLED',
    'OPEN',
    'BLOCKED',
    'ROAD',
    'RAIL',
    '30.5',
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    90,
    90.5,
    -180,
    181,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    'true',
    [],
    {},
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
);

const validEnterprise = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    nameLocal: fc.string({ maxLength: 10 }),
    kind: fc.constantFrom('FIBER', 'PRINTING_DYEING', 'MARKET', 'LOGISTICS'),
    region: fc.string({ minLength: 1, maxLength: 20 }),
    park: fc.string({ maxLength: 20 }),
    // Degrees as files give them (class-validator refuses exponent notation such as 6.4e-323).
    lat: fc.integer({ min: -900_000, max: 900_000 }).map((n) => n / 10_000),
    lon: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 10_000),
    status: fc.constantFrom('OPERATING', 'PARTIAL', 'STALLED', 'CLOSED'),
    capacityRecovery: fc.double({ min: 0, max: 1, noNaN: true }),
    workforceReturned: fc.double({ min: 0, max: 1, noNaN: true }),
    dailyCapacity: fc.double({ min: 0, max: 1e9, noNaN: true }),
    unit: fc.constantFrom('m', 't', 'pcs'),
    dailyOutputValue: fc.double({ min: 0, max: 1e12, noNaN: true }),
    whitelisted: fc.boolean(),
    source: fc.string({ maxLength: 20 }),
    note: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['id', 'name', 'kind', 'region'] },
);

const validLink = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
    from: fc.constantFrom('e-1', 'e-2'),
    to: fc.constantFrom('e-2', 'e-3'),
    product: fc.string({ minLength: 1, maxLength: 20 }),
    mode: fc.constantFrom('ROAD', 'RAIL', 'WATER'),
    volume: fc.double({ min: 0, max: 1e6, noNaN: true }),
    unit: fc.constantFrom('t', 'm'),
    status: fc.constantFrom('OPEN', 'BLOCKED', 'DEGRADED'),
    inventoryDays: fc.double({ min: 0, max: 60, noNaN: true }),
    source: fc.string({ maxLength: 20 }),
    note: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['id', 'from', 'to', 'product', 'mode'] },
);

/** A row with up to three fields changed (to any value, or removed) and maybe a field the input does not have. */
function mutated(valid: fc.Arbitrary<Record<string, unknown>>, fields: string[]) {
  return fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.constantFrom(...fields), anyValue), { maxLength: 3 }),
      fc.constantFrom(undefined, 'capcityRecovery', 'constructor', 'toString'),
    )
    .map(([row, changes, unknown]) => {
      const copy: Record<string, unknown> = { ...row };
      for (const [field, value] of changes) {
        if (value === undefined) delete copy[field];
        else copy[field] = value;
      }
      if (unknown !== undefined) copy[unknown] = 1;
      return copy;
    });
}

describe('a quick validity check built from class-validator metadata', () => {
  const cases = [
    ['EnterpriseInput', EnterpriseInput, validEnterprise],
    ['SupplyLinkInput', SupplyLinkInput, validLink],
  ] as const;

  it.each(cases)('gives class-validator’s verdict on valid and mutated %s rows', (_, type, valid) => {
    const quick = buildQuickValidityCheck(type, ROW_VALIDATION);
    expect(quick).not.toBeNull();
    const fields = Object.keys(new type());
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(valid, mutated(valid, fields)), (row) => {
        const verdict = classValidatorSays(type, row);
        if (verdict) accepted += 1;
        expect(quick!(row)).toBe(verdict);
      }),
      { numRuns: 3000, seed: 20261123 },
    );
    // Both verdicts came up often enough to mean something.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });

  it('refuses to build (class-validator alone decides) for what it does not reproduce', () => {
    class Inner {
      @IsString()
      name!: string;
    }
    class Nested {
      @ValidateNested()
      inner!: Inner;
    }
    const later: PropertyDecorator = (target, propertyName) =>
      registerDecorator({
        name: 'later',
        async: true,
        target: target.constructor,
        propertyName: propertyName as string,
        validator: { validate: async () => true },
      });
    class Async {
      @later
      value!: string;
    }
    class Child extends Inner {
      @MinLength(2)
      other!: string;
    }
    class Each {
      @IsString({ each: true })
      tags!: string[];
    }
    for (const type of [Nested, Async, Child, Each]) expect(buildQuickValidityCheck(type, ROW_VALIDATION)).toBeNull();
    expect(buildQuickValidityCheck(EnterpriseInput, { ...ROW_VALIDATION, skipMissingProperties: true })).toBeNull();
    expect(buildQuickValidityCheck(Inner, ROW_VALIDATION)).not.toBeNull();
  });

  it('answers no, leaving the row to class-validator, when a validator answers with a promise', () => {
    class Undeclared {
      @ValidateBy({ name: 'later', validator: { validate: (() => Promise.resolve(true)) as unknown as () => boolean } })
      value!: string;
    }
    expect(buildQuickValidityCheck(Undeclared, ROW_VALIDATION)?.({ value: 'x' })).toBe(false);
  });
});
