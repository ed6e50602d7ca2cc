import fc from 'fast-check';
import type { EngineEnterprise, EngineLink, GraphPatch, SupplyGraphInput } from '../../src/engine';
import { arbitraryGraph, arbitraryScenario } from './random-graphs';

const KINDS = ['CHEMICAL', 'WEAVING', 'MARKET', 'LOGISTICS'] as const;
const PRODUCTS = ['dyestuff', 'grey fabric', 'dyed fabric', 'steam'];

/** Rows for an upsert: an existing id or a new one, any field values. */
const arbitraryEnterprise = (ids: string[]): fc.Arbitrary<EngineEnterprise> =>
  fc.record({
    id: fc.oneof(fc.constantFrom(...ids, 'new-e1'), fc.constant('new-e2')),
    kind: fc.constantFrom(...KINDS),
    region: fc.constantFrom('Keqiao', 'Songjiang', 'Ningbo'),
    park: fc.constantFrom(null, 'Binhai'),
    status: fc.constantFrom('OPERATING', 'PARTIAL', 'STALLED' as const),
    capacityRecovery: fc.constantFrom(1, 0.5),
    dailyCapacity: fc.constantFrom(null, 10, 40),
  });

export const arbitraryLink = (linkIds: string[], endpoints: string[]): fc.Arbitrary<EngineLink> =>
  fc.record({
    id: fc.constantFrom(...linkIds, 'new-l1', 'new-l2'),
    from: fc.constantFrom(...endpoints),
    to: fc.constantFrom(...endpoints),
    product: fc.constantFrom(...PRODUCTS),
    mode: fc.constantFrom('ROAD', 'RAIL' as const),
    volume: fc.constantFrom(null, 1, 3),
    status: fc.constantFrom('OPEN', 'BLOCKED' as const),
    inventoryDays: fc.constantFrom(null, 2),
  });

/** A valid patch of the graph: deletions of rows it has, upserts whose links name enterprises that remain. */
export function arbitraryPatch(input: SupplyGraphInput): fc.Arbitrary<GraphPatch> {
  const ids = input.enterprises.map((e) => e.id);
  const linkIds = input.links.map((l) => l.id);
  return fc
    .record({
      deleteLinks: fc.subarray(linkIds, { maxLength: Math.min(3, linkIds.length) }),
      deleteEnterprises: fc.subarray(ids, { maxLength: Math.min(2, ids.length - 1) }),
    })
    .chain(({ deleteLinks, deleteEnterprises }) => {
      const remaining = ids.filter((id) => !deleteEnterprises.includes(id));
      return fc.record({
        deleteLinks: fc.constant(deleteLinks),
        deleteEnterprises: fc.constant(deleteEnterprises),
        upsertEnterprises: fc.array(arbitraryEnterprise(remaining), { maxLength: 3 }),
        upsertLinks: fc.array(arbitraryLink(linkIds, remaining), { maxLength: 4 }),
        enterpriseStatuses: fc.array(
          fc.record({
            id: fc.constantFrom(...remaining),
            status: fc.constantFrom('OPERATING', 'CLOSED' as const),
            capacityRecovery: fc.constantFrom(undefined, null, 0.7),
          }),
          { maxLength: 2 },
        ),
        linkStatuses: fc.array(
          fc.record({ id: fc.constantFrom(...linkIds, 'new-l1'), status: fc.constantFrom('OPEN', 'BLOCKED' as const) }),
          { maxLength: 2 },
        ),
      });
    })
    .map((patch) => {
      // Upserted links name enterprises that exist once the patch is applied (new ones included).
      const known = new Set([...ids.filter((id) => !patch.deleteEnterprises.includes(id))]);
      for (const e of patch.upsertEnterprises) known.add(e.id);
      const upsertLinks = patch.upsertLinks.filter((l) => known.has(l.from) && known.has(l.to));
      const surviving = new Set(
        input.links
          .filter((l) => !patch.deleteLinks.includes(l.id))
          .filter((l) => !patch.deleteEnterprises.includes(l.from) && !patch.deleteEnterprises.includes(l.to))
          .map((l) => l.id),
      );
      for (const l of upsertLinks) surviving.add(l.id);
      return { ...patch, upsertLinks, linkStatuses: patch.linkStatuses.filter((s) => surviving.has(s.id)) };
    });
}

/** The same patch applied to plain rows, as README §7's upsert reads: replace in place, or append. */
export function applyToInput(input: SupplyGraphInput, patch: GraphPatch): SupplyGraphInput {
  const deletedEnterprises = new Set(patch.deleteEnterprises ?? []);
  const deletedLinks = new Set(patch.deleteLinks ?? []);
  const enterprises = input.enterprises.filter((e) => !deletedEnterprises.has(e.id));
  let links = input.links.filter(
    (l) => !deletedLinks.has(l.id) && !deletedEnterprises.has(l.from) && !deletedEnterprises.has(l.to),
  );
  for (const e of patch.upsertEnterprises ?? []) {
    const at = enterprises.findIndex((x) => x.id === e.id);
    if (at >= 0) enterprises[at] = e;
    else enterprises.push(e);
  }
  links = links.slice();
  for (const l of patch.upsertLinks ?? []) {
    const at = links.findIndex((x) => x.id === l.id);
    if (at >= 0) links[at] = l;
    else links.push(l);
  }
  for (const change of patch.enterpriseStatuses ?? []) {
    const at = enterprises.findIndex((x) => x.id === change.id);
    const capacityRecovery = change.capacityRecovery ?? enterprises[at].capacityRecovery;
    enterprises[at] = { ...enterprises[at], status: change.status, capacityRecovery };
  }
  for (const change of patch.linkStatuses ?? []) {
    const at = links.findIndex((x) => x.id === change.id);
    links[at] = { ...links[at], status: change.status };
  }
  return { enterprises, links };
}

/** A graph, a sequence of patches, and scenarios to compare with. */
export const arbitraryCase = fc
  .tuple(arbitraryGraph(10, 22), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([input, steps, seed]) => {
    const patches: GraphPatch[] = [];
    let current = input;
    for (let k = 0; k < steps; k++) {
      const [patch] = fc.sample(arbitraryPatch(current), { numRuns: 1, seed: seed + k });
      patches.push(patch);
      current = applyToInput(current, patch);
    }
    const scenarios = fc.sample(arbitraryScenario(current), { numRuns: 3, seed });
    return { input, patches, patched: current, scenarios };
  });
