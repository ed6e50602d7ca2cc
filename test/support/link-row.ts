/**
 * A builder of import-document links under a test file's id prefix: `link('l-ph', 'P', 'H', 'phosphate', 'ROAD')`
 * links `<prefix>-P` to `<prefix>-H`; `extra` adds volume, inventoryDays, status and the like.
 */
export function linkRows(id: (name: string) => string) {
  return (name: string, from: string, to: string, product: string, mode: string, extra: object = {}) => ({
    id: id(name),
    from: id(from),
    to: id(to),
    product,
    mode,
    ...extra,
  });
}
