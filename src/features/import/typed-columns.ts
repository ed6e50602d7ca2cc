/**
 * Fields whose values are numbers or booleans (the input classes check them
 * so): CSV text in these columns is converted on reading, and the bulk
 * loader's files type them so (numbers as 64-bit doubles, as the driver
 * writes them).
 */
export const NUMBER_COLUMNS: ReadonlySet<string> = new Set([
  'lat',
  'lon',
  'capacityRecovery',
  'workforceReturned',
  'dailyCapacity',
  'dailyOutputValue',
  'volume',
  'inventoryDays',
]);
export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['whitelisted']);
