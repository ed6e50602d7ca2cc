import type { EngineEnterprise, EngineLink, EnterpriseKind } from '../../src/engine/graph-input';

/** Terse builders for hand-written test graphs: everything operating and open unless overridden. */
export function enterprise(id: string, kind: EnterpriseKind, extra: Partial<EngineEnterprise> = {}): EngineEnterprise {
  return {
    id,
    kind,
    region: 'Shaoxing/Keqiao',
    park: null,
    status: 'OPERATING',
    capacityRecovery: 1,
    dailyCapacity: null,
    ...extra,
  };
}

export function link(from: string, to: string, product: string, extra: Partial<EngineLink> = {}): EngineLink {
  return {
    id: `${from}->${to}`,
    from,
    to,
    product,
    mode: 'ROAD',
    volume: null,
    status: 'OPEN',
    inventoryDays: null,
    ...extra,
  };
}
