/**
 * A small Keqiao chain under a prefix: fibre and dyestuff into a dyeing plant,
 * on to China Textile City and two trade firms.
 *
 *   fiber --polyester yarn--> dye --dyed fabric--> market --dyed fabric--> trade1
 *   chem  --dyestuff-------->  ^                   market --dyed fabric--> trade2
 */
export function keqiaoFixture(p: string) {
  const region = `${p}-Shaoxing/Keqiao`;
  const enterprise = (id: string, kind: string, extra: Record<string, unknown> = {}) => ({
    id: `${p}-${id}`,
    name: `${id} of ${p}`,
    kind,
    region,
    ...extra,
  });
  return {
    region,
    enterprises: [
      enterprise('fiber', 'FIBER', { dailyCapacity: 100 }),
      enterprise('chem', 'CHEMICAL', { dailyCapacity: 50, park: 'Binhai' }),
      enterprise('dye', 'PRINTING_DYEING', {
        status: 'PARTIAL',
        capacityRecovery: 0.8,
        dailyCapacity: 300,
        workforceReturned: 0.9,
      }),
      enterprise('market', 'MARKET', { name: 'China Textile City' }),
      enterprise('trade1', 'FOREIGN_TRADE', { status: 'STALLED', dailyCapacity: 100 }),
      enterprise('trade2', 'FOREIGN_TRADE', { dailyCapacity: 100 }),
    ],
    links: [
      { id: `${p}-l-yarn`, from: `${p}-fiber`, to: `${p}-dye`, product: 'polyester yarn', mode: 'ROAD', volume: 40 },
      { id: `${p}-l-dyestuff`, from: `${p}-chem`, to: `${p}-dye`, product: 'dyestuff', mode: 'ROAD', inventoryDays: 5 },
      { id: `${p}-l-fabric`, from: `${p}-dye`, to: `${p}-market`, product: 'dyed fabric', mode: 'LOCAL' },
      { id: `${p}-l-t1`, from: `${p}-market`, to: `${p}-trade1`, product: 'dyed fabric', mode: 'ROAD' },
      { id: `${p}-l-t2`, from: `${p}-market`, to: `${p}-trade2`, product: 'dyed fabric', mode: 'ROAD' },
    ],
  };
}
