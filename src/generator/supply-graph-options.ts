/** Size and seed of a synthetic supply graph. */
export interface SupplyGraphOptions {
  /** Number of enterprises, a non-negative integer. */
  enterprises: number;
  /** Seed; the same seed and size always give the same graph. */
  seed: number;
}

/** Largest graph the generator accepts; ids and typed arrays are sized for it. */
export const MAX_GENERATED_ENTERPRISES = 50_000_000;

/**
 * Throws a RangeError for options the generator cannot honour, so callers
 * (CLI, tests) get one clear message instead of a half-written graph.
 */
export function assertSupplyGraphOptions(options: SupplyGraphOptions): void {
  const { enterprises, seed } = options;
  if (!Number.isSafeInteger(enterprises) || enterprises < 0 || enterprises > MAX_GENERATED_ENTERPRISES) {
    throw new RangeError(
      `enterprises must be an integer between 0 and ${MAX_GENERATED_ENTERPRISES}, got ${String(enterprises)}`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  }
}
