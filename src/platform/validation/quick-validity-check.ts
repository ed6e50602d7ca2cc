import {
  getMetadataStorage,
  type ValidationArguments,
  type ValidatorConstraintInterface,
  ValidationTypes,
  type ValidatorOptions,
} from 'class-validator';

/** Whether class-validator would find nothing wrong with `object` (read as an instance of the class). */
export type QuickValidityCheck = (object: Record<string, unknown>) => boolean;

/** The validator options a quick check reproduces; any other option refuses to build one. */
const SUPPORTED_OPTIONS = new Set(['whitelist', 'forbidNonWhitelisted', 'forbidUnknownValues']);

interface Rule {
  validator: ValidatorConstraintInterface;
  constraints: unknown[];
}

interface PropertyCheck {
  property: string;
  /** @IsOptional, @ValidateIf: the property is checked only when all hold. */
  conditions: ((object: object, value: unknown) => boolean)[];
  rules: Rule[];
}

/**
 * Builds, from a class's class-validator metadata, a yes/no check that gives
 * the same verdict as `validateSync(instance, options)` without building
 * error objects or looking the metadata up again for every object: each rule
 * runs the decorator's own validator, so the decorators stay the one source
 * of the rules (and class-validator that of the messages, for the objects
 * this check refuses). A "yes" is final, a "no" means "ask class-validator".
 *
 * Returns null (the caller uses class-validator alone) for what it does not
 * reproduce: nested, promise, @IsDefined or @Allow rules, `each`, an async
 * validator, inherited rules, or a validator option other than whitelisting.
 */
export function buildQuickValidityCheck(
  target: abstract new () => object,
  options: ValidatorOptions = {},
): QuickValidityCheck | null {
  if (Object.keys(options).some((option) => !SUPPORTED_OPTIONS.has(option))) return null;
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(target, undefined as unknown as string, false, false);
  if (metadatas.length === 0) return null;
  const byProperty = new Map<string, PropertyCheck>();
  for (const metadata of metadatas) {
    if (metadata.target !== target || metadata.each) return null;
    const check = byProperty.get(metadata.propertyName) ?? {
      property: metadata.propertyName,
      conditions: [],
      rules: [],
    };
    byProperty.set(metadata.propertyName, check);
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      check.conditions.push(metadata.constraints[0] as PropertyCheck['conditions'][number]);
    } else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return null;
        check.rules.push({ validator: constraint.instance, constraints: metadata.constraints });
      }
    } else {
      return null;
    }
  }
  const properties = [...byProperty.values()];
  const known = new Set(byProperty.keys());
  const whitelist = options.whitelist === true;
  const targetName = target.name;

  return (object) => {
    if (whitelist) {
      // With forbidNonWhitelisted an unknown field is an error; without, validateSync strips it (a change
      // this check does not make), so either way the object is left to class-validator.
      for (const key in object) if (!Object.hasOwn(object, key) || !known.has(key)) return false;
    }
    for (const { property, conditions, rules } of properties) {
      const value = object[property];
      let applies = true;
      for (const condition of conditions) if (!condition(object, value)) applies = false;
      if (!applies) continue;
      for (const { validator, constraints } of rules) {
        const args: ValidationArguments = { targetName, property, object, value, constraints };
        // A promise (a validator async without saying so) is not a "yes".
        if (validator.validate(value, args) !== true) return false;
      }
    }
    return true;
  };
}
