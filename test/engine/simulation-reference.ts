import type { EngineLink, SupplyGraphInput } from '../../src/engine/graph-input';
import type { LinkFilter } from '../../src/engine/link-filter';
import type { BlockSet, SimulationInput } from '../../src/engine/simulation/simulation-input';

/**
 * A deliberately simple reference for README §9, written from the text and
 * sharing no code with the engine: plain objects and maps, every day
 * recomputed from scratch, fractions by Jacobi iteration from the top until
 * nothing changes, every stock updated every day. Slow and obviously
 * correct; the engine must agree with it on random graphs.
 */

const PASS_THROUGH = new Set(['MARKET', 'FOREIGN_TRADE', 'LOGISTICS']);
const ZERO = 1e-9;

export interface ReferenceDay {
  stalledCount: number;
  partialCount: number;
  lostOutputValue: number;
  lostTradeValue: number;
  directLostOutputValue: number;
  indirectLostOutputValue: number;
  unvaluedAffectedProducers: number;
}

export interface ReferenceTrajectory {
  id: string;
  firstAffectedDay: number;
  firstStallDay: number | null;
  recoveredOnDay: number | null;
  minFraction: number;
  lostValue: number | null;
}

export interface ReferenceResult {
  days: ReferenceDay[];
  /** Fraction per enterprise id per day. */
  fractions: Map<string, number[]>;
  baseline: Map<string, number>;
  trajectories: ReferenceTrajectory[];
  cumulativeLostOutputValue: number;
  peakDay: number | null;
}

interface Port {
  customer: string;
  product: string;
  links: EngineLink[];
  need: number;
  target: number;
}

const volumeOf = (l: EngineLink) => Math.max(0, l.volume ?? 1);
const snap = (x: number) => (x < ZERO ? 0 : x);

export function referenceSimulate(input: SupplyGraphInput, simulation: SimulationInput): ReferenceResult {
  const horizon = simulation.horizonDays;
  const rho = simulation.restockRate ?? 0.1;
  const current = simulation.includeCurrentState ?? false;
  const byId = new Map(input.enterprises.map((e) => [e.id, e]));
  const passThrough = (id: string) => PASS_THROUGH.has(byId.get(id)!.kind);
  const baseOwn = (id: string) => (current ? Math.min(1, Math.max(0, byId.get(id)!.capacityRecovery || 0)) : 1);

  // Ports: one per (customer, inbound product), in the order of first inbound link.
  const ports = new Map<string, Port>();
  const portKey = (customer: string, product: string) => `${customer}\u0000${product}`;
  for (const l of input.links) {
    const key = portKey(l.to, l.product);
    if (!ports.has(key)) ports.set(key, { customer: l.to, product: l.product, links: [], need: 0, target: 0 });
    const port = ports.get(key)!;
    port.links.push(l);
    port.need += volumeOf(l);
    port.target += volumeOf(l) * Math.max(0, l.inventoryDays ?? 0);
  }
  const inboundProducts = new Map<string, string[]>();
  for (const port of ports.values()) {
    inboundProducts.set(port.customer, [...(inboundProducts.get(port.customer) ?? []), port.product]);
  }
  // A pass-through handles what it receives and what it ships; weight = max(in, out) volume.
  const handled = new Map<string, Map<string, number>>();
  for (const e of input.enterprises) if (passThrough(e.id)) handled.set(e.id, new Map());
  for (const l of input.links) {
    for (const id of [l.from, l.to]) {
      if (!passThrough(id)) continue;
      const products = handled.get(id)!;
      if (!products.has(l.product)) products.set(l.product, 0);
    }
  }
  const weightOf = (id: string, product: string) => {
    let inVolume = 0;
    let outVolume = 0;
    for (const l of input.links) {
      if (l.product !== product) continue;
      if (l.to === id) inVolume += volumeOf(l);
      if (l.from === id) outVolume += volumeOf(l);
    }
    return Math.max(inVolume, outVolume);
  };
  for (const [id, products] of handled) for (const p of products.keys()) products.set(p, weightOf(id, p));

  // Block sets; with the current state they start with what is blocked or down now.
  const linkSet = new Set(current ? input.links.filter((l) => l.status === 'BLOCKED').map((l) => l.id) : []);
  const downStatus = (id: string) => ['STALLED', 'CLOSED'].includes(byId.get(id)!.status);
  const enterpriseSet = new Set(current ? input.enterprises.filter((e) => downStatus(e.id)).map((e) => e.id) : []);
  const regionSet = new Set<string>();
  const modeSet = new Set<string>();
  const filterSet = new Map<string, LinkFilter>();
  const capacity = new Map<string, number>();

  const isDown = (id: string) => enterpriseSet.has(id) || regionSet.has(byId.get(id)!.region);
  const own = (id: string) => (isDown(id) ? 0 : (capacity.get(id) ?? baseOwn(id)));
  const isDirect = (id: string) => isDown(id) || (capacity.has(id) && capacity.get(id)! < baseOwn(id));
  const isBlocked = (l: EngineLink) =>
    linkSet.has(l.id) || modeSet.has(l.mode) || [...filterSet.values()].some((f) => filterMatches(f, l));
  const filterMatches = (f: LinkFilter, l: EngineLink) => {
    const from = byId.get(l.from)!.region;
    const to = byId.get(l.to)!.region;
    if (f.modes != null && !f.modes.includes(l.mode)) return false;
    if (f.products != null && !f.products.includes(l.product)) return false;
    if (f.fromRegions != null && !f.fromRegions.includes(from)) return false;
    if (f.toRegions != null && !f.toRegions.includes(to)) return false;
    return f.crossRegion == null || f.crossRegion === (from !== to);
  };
  const filterKey = (f: LinkFilter) =>
    JSON.stringify(
      [f.modes, f.products, f.fromRegions, f.toRegions].map((v) => (v == null ? null : [...new Set(v)].sort())),
    ) + String(f.crossRegion ?? null);

  const apply = (set: BlockSet, block: boolean) => {
    const edit = <T>(target: Set<T>, values: readonly T[] | null | undefined) => {
      for (const v of values ?? []) {
        if (block) target.add(v);
        else target.delete(v);
      }
    };
    edit(linkSet, set.links);
    edit(enterpriseSet, set.enterprises);
    edit(regionSet, set.regions);
    edit(modeSet, set.modes);
    for (const f of set.linksWhere ?? []) {
      if (block) filterSet.set(filterKey(f), f);
      else filterSet.delete(filterKey(f));
    }
  };

  /** One day's greatest solution by Jacobi iteration from own, stocks given (or all 0). */
  const solve = (stock: Map<string, number> | null) => {
    const blocked = new Map(input.links.map((l) => [l.id, isBlocked(l)]));
    let f = new Map(input.enterprises.map((e) => [e.id, own(e.id)]));
    let pt = new Map(
      [...handled].map(([id, products]) => [id, new Map([...products.keys()].map((p) => [p, own(id)]))]),
    );
    const g = (l: EngineLink) => (passThrough(l.from) ? pt.get(l.from)!.get(l.product)! : f.get(l.from)!);
    const available = (port: Port) => {
      const open = port.links.filter((l) => !blocked.get(l.id));
      if (port.need > 0) {
        const received = open.reduce((s, l) => s + volumeOf(l) * g(l), 0);
        return Math.min(1, ((stock?.get(portKey(port.customer, port.product)) ?? 0) + received) / port.need);
      }
      return Math.min(
        1,
        open.reduce((s, l) => s + (1 / port.links.length) * g(l), 0),
      );
    };
    for (let iteration = 0; iteration < 100_000; iteration++) {
      const nextF = new Map<string, number>();
      const nextPt = new Map<string, Map<string, number>>();
      for (const e of input.enterprises) {
        if (passThrough(e.id)) {
          const values = new Map<string, number>();
          for (const p of handled.get(e.id)!.keys()) {
            const port = ports.get(portKey(e.id, p));
            values.set(p, snap(port === undefined ? own(e.id) : own(e.id) * available(port)));
          }
          nextPt.set(e.id, values);
        } else {
          let least = 1;
          for (const p of inboundProducts.get(e.id) ?? [])
            least = Math.min(least, available(ports.get(portKey(e.id, p))!));
          nextF.set(e.id, snap(own(e.id) * least));
        }
      }
      const same =
        [...nextF].every(([id, v]) => f.get(id) === v) &&
        [...nextPt].every(([id, values]) => [...values].every(([p, v]) => pt.get(id)!.get(p) === v));
      f = new Map([...f, ...nextF]);
      pt = nextPt;
      if (same) break;
    }
    // A pass-through's f: its product values weighted by volume through it.
    for (const [id, products] of handled) {
      const values = pt.get(id)!;
      const weights = [...products.values()].reduce((s, w) => s + w, 0);
      if (products.size === 0) f.set(id, snap(own(id)));
      else if (weights > 0) f.set(id, [...products].reduce((s, [p, w]) => s + w * values.get(p)!, 0) / weights);
      else f.set(id, [...values.values()].reduce((s, v) => s + v, 0) / products.size);
    }
    return { f, pt, g, blocked };
  };

  const base = solve(null);
  const baseFraction = base.f;
  const stalledOn = (id: string, day: { f: Map<string, number>; pt: Map<string, Map<string, number>> }) => {
    if (!passThrough(id) || handled.get(id)!.size === 0) return day.f.get(id)! === 0 && baseFraction.get(id)! > 0;
    const basePut = [...base.pt.get(id)!].filter(([, v]) => v > 0).map(([p]) => p);
    return basePut.length > 0 && basePut.every((p) => day.pt.get(id)!.get(p) === 0);
  };

  const stock = new Map([...ports].map(([key, port]) => [key, port.target]));
  const eventsOn = (t: number) => simulation.events.filter((e) => e.day === t);
  const days: ReferenceDay[] = [];
  const fractions = new Map(input.enterprises.map((e) => [e.id, [] as number[]]));
  const affectedDays = new Map(input.enterprises.map((e) => [e.id, [] as boolean[]]));
  const stalledDays = new Map(input.enterprises.map((e) => [e.id, [] as boolean[]]));
  for (let t = 0; t < horizon; t++) {
    for (const event of eventsOn(t)) {
      if (event.block) apply(event.block, true);
      if (event.unblock) apply(event.unblock, false);
      for (const change of event.setCapacity ?? []) {
        const ids = change.enterpriseId
          ? [change.enterpriseId]
          : input.enterprises.filter((e) => e.region === change.region).map((e) => e.id);
        for (const id of ids) capacity.set(id, change.capacity);
      }
    }
    const day = solve(stock);
    const report: ReferenceDay = {
      stalledCount: 0,
      partialCount: 0,
      lostOutputValue: 0,
      lostTradeValue: 0,
      directLostOutputValue: 0,
      indirectLostOutputValue: 0,
      unvaluedAffectedProducers: 0,
    };
    for (const e of input.enterprises) {
      const fb = baseFraction.get(e.id)!;
      const fv = day.f.get(e.id)!;
      const stalled = stalledOn(e.id, day);
      const partial = !stalled && fv < fb - 1e-6;
      if (stalled) report.stalledCount++;
      if (partial) report.partialCount++;
      fractions.get(e.id)!.push(fv);
      affectedDays.get(e.id)!.push(stalled || partial);
      stalledDays.get(e.id)!.push(stalled);
      const value = e.dailyOutputValue == null ? 0 : e.dailyOutputValue * (fb - fv);
      if (passThrough(e.id)) {
        report.lostTradeValue += value;
        continue;
      }
      report.lostOutputValue += value;
      if (isDirect(e.id)) report.directLostOutputValue += value;
      else report.indirectLostOutputValue += value;
      if ((stalled || partial) && e.dailyOutputValue == null) report.unvaluedAffectedProducers++;
    }
    days.push(report);
    // Stocks, every port.
    for (const [key, port] of ports) {
      const s = stock.get(key)!;
      const open = port.links.filter((l) => !day.blocked.get(l.id));
      const received = open.reduce((sum, l) => sum + volumeOf(l) * day.g(l), 0);
      const usage = passThrough(port.customer)
        ? day.pt.get(port.customer)!.get(port.product)!
        : day.f.get(port.customer)!;
      const left = Math.max(0, s + received - port.need * usage);
      const fullVolume = open.filter((l) => day.g(l) >= 1 - 1e-9).reduce((sum, l) => sum + volumeOf(l), 0);
      const refill = left < port.target ? Math.min(port.target - left, rho * fullVolume) : 0;
      stock.set(key, Math.min(port.target, left + refill));
    }
  }

  const trajectories: ReferenceTrajectory[] = [];
  for (const e of input.enterprises) {
    const affected = affectedDays.get(e.id)!;
    const first = affected.indexOf(true);
    if (first < 0) continue;
    const last = affected.lastIndexOf(true);
    const stallDay = stalledDays.get(e.id)!.indexOf(true);
    const series = fractions.get(e.id)!;
    const fb = baseFraction.get(e.id)!;
    trajectories.push({
      id: e.id,
      firstAffectedDay: first,
      firstStallDay: stallDay < 0 ? null : stallDay,
      recoveredOnDay: last === horizon - 1 ? null : last + 1,
      minFraction: Math.min(fb, ...series),
      lostValue: e.dailyOutputValue == null ? null : series.reduce((s, fv) => s + e.dailyOutputValue! * (fb - fv), 0),
    });
  }
  let peakDay: number | null = null;
  days.forEach((d, t) => {
    if (d.lostOutputValue > 0 && (peakDay === null || d.lostOutputValue > days[peakDay].lostOutputValue)) peakDay = t;
  });
  return {
    days,
    fractions,
    baseline: baseFraction,
    trajectories,
    cumulativeLostOutputValue: days.reduce((s, d) => s + d.lostOutputValue, 0),
    peakDay,
  };
}
