import type {
  EngineEnterprise,
  EngineLink,
  EnterpriseKind,
  SupplyGraphInput,
  TransportMode,
} from '../../src/engine/graph-input';

const STAGES: EnterpriseKind[] = [
  'RAW_MATERIAL',
  'CHEMICAL',
  'FIBER',
  'WEAVING',
  'PRINTING_DYEING',
  'GARMENT',
  'MARKET',
  'LOGISTICS',
  'FOREIGN_TRADE',
];
const MODES: TransportMode[] = ['ROAD', 'RAIL', 'WATER', 'LOCAL'];

/**
 * A deterministic synthetic industrial cluster for sanity timing: enterprises
 * in stages, each buying one to three products from the stage before (each
 * from one to three suppliers), a few links back upstream to make cycles.
 */
export function generateClusterGraph(
  enterpriseCount: number,
  linksPerEnterprise = 4,
  backShare = 0.005,
  seed = 1,
): SupplyGraphInput {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = (n: number): number => Math.floor(random() * n);
  const stageSize = Math.ceil(enterpriseCount / STAGES.length);
  const enterprises: EngineEnterprise[] = [];
  for (let i = 0; i < enterpriseCount; i++) {
    const stage = Math.min(STAGES.length - 1, Math.floor(i / stageSize));
    enterprises.push({
      id: `e${i}`,
      kind: STAGES[stage],
      region: `region-${pick(50)}`,
      park: null,
      status: random() < 0.02 ? 'STALLED' : random() < 0.1 ? 'PARTIAL' : 'OPERATING',
      capacityRecovery: random() < 0.1 ? 0.5 : 1,
      dailyCapacity: 10 + pick(1000),
    });
  }
  const productOf = (i: number): string => `p${Math.floor(i / stageSize)}-${i % 7}`;
  const links: EngineLink[] = [];
  const target = enterpriseCount * linksPerEnterprise;
  for (let v = stageSize; v < enterpriseCount && links.length < target; v++) {
    const stage = Math.floor(v / stageSize);
    const products = 1 + pick(3);
    for (let k = 0; k < products; k++) {
      const variant = pick(7);
      const suppliers = 1 + pick(3);
      for (let s = 0; s < suppliers; s++) {
        // Suppliers of variant `variant` in the previous stage.
        const slots = Math.floor(stageSize / 7);
        const u = (stage - 1) * stageSize + variant + 7 * pick(Math.max(1, slots));
        if (u >= v) continue;
        links.push(makeLink(links.length, u, v, productOf(u)));
      }
    }
  }
  while (links.length < target) {
    // Extra links: mostly forward, a share `backShare` back upstream (cycles).
    let u = pick(enterpriseCount);
    let v = pick(enterpriseCount);
    if (u === v) continue;
    if (u > v && random() > 2 * backShare) [u, v] = [v, u];
    links.push(makeLink(links.length, u, v, productOf(u)));
  }
  return { enterprises, links };

  function makeLink(index: number, u: number, v: number, product: string): EngineLink {
    return {
      id: `l${index}`,
      from: `e${u}`,
      to: `e${v}`,
      product,
      mode: MODES[pick(MODES.length)],
      volume: 1 + pick(20),
      status: random() < 0.01 ? 'BLOCKED' : 'OPEN',
      inventoryDays: pick(4) === 0 ? null : pick(10),
    };
  }
}
