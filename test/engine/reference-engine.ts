import { PASS_THROUGH_KINDS, type EngineLink, type SupplyGraphInput } from '../../src/engine/graph-input';
import type { LinkFilter } from '../../src/engine/link-filter';
import type { Scenario } from '../../src/engine/scenario';

/**
 * A deliberately naive reading of README §2-§5 to test the engine
 * against: plain objects and maps, and every rule evaluated over the whole
 * graph until nothing changes, starting from the top (all output, fraction
 * 1, day infinity), which gives the greatest solution.
 */
export interface ReferenceResult {
  stalled: Set<string>;
  direct: Set<string>;
  partial: Set<string>;
  baselineFraction: Map<string, number>;
  fraction: Map<string, number>;
  stallDay: Map<string, number>;
  /** §3 booleans without any window, to check against days to stall. */
  outputsInBaseline: Set<string>;
  outputsInScenario: Set<string>;
}

interface State {
  down: (id: string) => boolean;
  blocked: (link: EngineLink) => boolean;
  own: (id: string) => number;
}

const key = (id: string, product: string): string => `${id}\u0000${product}`;

export function referenceEvaluate(input: SupplyGraphInput, scenario: Scenario): ReferenceResult {
  const current = scenario.includeCurrentState ?? false;
  const window = scenario.durationDays ?? Infinity;
  const kindOf = new Map(input.enterprises.map((e) => [e.id, e]));
  const isPassThrough = (id: string): boolean => PASS_THROUGH_KINDS.has(kindOf.get(id)!.kind);
  const inbound = new Map<string, EngineLink[]>(); // by (customer, product)
  const outbound = new Map<string, EngineLink[]>(); // by (supplier, product)
  const inputProducts = new Map<string, Set<string>>();
  const handled = new Map<string, Set<string>>();
  for (const e of input.enterprises) {
    inputProducts.set(e.id, new Set());
    handled.set(e.id, new Set());
  }
  for (const l of input.links) {
    push(inbound, key(l.to, l.product), l);
    push(outbound, key(l.from, l.product), l);
    inputProducts.get(l.to)!.add(l.product);
    handled.get(l.to)!.add(l.product);
    handled.get(l.from)!.add(l.product);
  }
  const productsOf = (id: string): string[] =>
    [...(isPassThrough(id) ? handled.get(id)! : inputProducts.get(id)!)].sort();
  const volumeOf = (l: EngineLink): number => Math.max(0, l.volume ?? 1);
  const shareOf = (l: EngineLink): number => {
    const group = inbound.get(key(l.to, l.product))!;
    const total = group.reduce((sum, other) => sum + volumeOf(other), 0);
    return total > 0 ? volumeOf(l) / total : 1 / group.length;
  };

  const baseDown = (id: string): boolean => {
    const status = kindOf.get(id)!.status;
    return current && (status === 'STALLED' || status === 'CLOSED');
  };
  const baseline: State = {
    down: baseDown,
    blocked: (l) => current && l.status === 'BLOCKED',
    own: (id) => (baseDown(id) ? 0 : current ? Math.min(1, Math.max(0, kindOf.get(id)!.capacityRecovery)) : 1),
  };
  const blockedEnterprises = new Set(scenario.blockEnterprises ?? []);
  const blockedRegions = new Set(scenario.blockRegions ?? []);
  const blockedLinks = new Set(scenario.blockLinks ?? []);
  const blockedModes = new Set(scenario.blockModes ?? []);
  const filterMatches = (filter: LinkFilter, l: EngineLink) =>
    filterMatchesLink(filter, l, (id) => kindOf.get(id)!.region);
  const scenarioDown = (id: string): boolean =>
    baseDown(id) || blockedEnterprises.has(id) || blockedRegions.has(kindOf.get(id)!.region);
  const scenarioState: State = {
    down: scenarioDown,
    blocked: (l) =>
      baseline.blocked(l) ||
      blockedLinks.has(l.id) ||
      blockedModes.has(l.mode) ||
      (scenario.blockLinksWhere ?? []).some((filter) => filterMatches(filter, l)),
    own: (id) => (scenarioDown(id) ? 0 : baseline.own(id)),
  };

  // §3: booleans, per producer and per pass-through product.
  const outputs = (state: State): Map<string, boolean> => {
    const out = new Map<string, boolean>();
    for (const e of input.enterprises) {
      out.set(e.id, true);
      for (const p of handled.get(e.id)!) out.set(key(e.id, p), true);
    }
    const sourceOutputs = (l: EngineLink): boolean =>
      isPassThrough(l.from) ? out.get(key(l.from, l.product))! : out.get(l.from)!;
    const delivers = (l: EngineLink): boolean => !state.blocked(l) && sourceOutputs(l);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of input.enterprises) {
        if (isPassThrough(e.id)) {
          for (const p of handled.get(e.id)!) {
            const links = inbound.get(key(e.id, p)) ?? [];
            const value = !state.down(e.id) && (links.length === 0 || links.some(delivers));
            if (value !== out.get(key(e.id, p))) {
              out.set(key(e.id, p), value);
              changed = true;
            }
          }
        } else {
          const value =
            !state.down(e.id) && [...inputProducts.get(e.id)!].every((p) => inbound.get(key(e.id, p))!.some(delivers));
          if (value !== out.get(e.id)) {
            out.set(e.id, value);
            changed = true;
          }
        }
      }
    }
    return out;
  };
  const outputsSomething = (out: Map<string, boolean>, id: string): boolean =>
    isPassThrough(id) ? [...handled.get(id)!].some((p) => out.get(key(id, p))) : out.get(id)!;
  const baseOut = outputs(baseline);
  const scenarioOut = outputs(scenarioState);
  const baseDelivers = (l: EngineLink): boolean =>
    !baseline.blocked(l) && (isPassThrough(l.from) ? baseOut.get(key(l.from, l.product))! : baseOut.get(l.from)!);

  // §5: days, per producer and per pass-through product; links dead in the baseline count as day 0.
  const day = new Map<string, number>();
  for (const e of input.enterprises) {
    day.set(e.id, Infinity);
    for (const p of handled.get(e.id)!) day.set(key(e.id, p), Infinity);
  }
  const linkDay = (l: EngineLink): number => {
    if (!baseDelivers(l)) return -Infinity;
    if (scenarioState.blocked(l)) return 0;
    return isPassThrough(l.from) ? day.get(key(l.from, l.product))! : day.get(l.from)!;
  };
  const runsOut = (l: EngineLink): number => {
    const t = linkDay(l);
    return t === -Infinity ? 0 : t + Math.max(0, l.inventoryDays ?? 0);
  };
  for (let changed = true, rounds = 0; changed && rounds < 10_000; rounds++) {
    changed = false;
    for (const e of input.enterprises) {
      const down = scenarioState.down(e.id);
      const update = (k: string, value: number): void => {
        if (value !== day.get(k)) {
          day.set(k, value);
          changed = true;
        }
      };
      if (isPassThrough(e.id)) {
        for (const p of handled.get(e.id)!) {
          const links = inbound.get(key(e.id, p)) ?? [];
          update(key(e.id, p), down ? 0 : links.length === 0 ? Infinity : Math.max(...links.map(runsOut)));
        }
      } else {
        const perProduct = [...inputProducts.get(e.id)!].map((p) =>
          Math.max(...inbound.get(key(e.id, p))!.map(runsOut)),
        );
        update(e.id, down ? 0 : Math.min(Infinity, ...perProduct));
      }
    }
  }

  // §4: fractions, iterated down from 1.
  type Contribution = 'none' | 'cut' | 'held' | 'live';
  const fractions = (
    state: State,
    contribution: (l: EngineLink) => Contribution,
    heldValue: (l: EngineLink) => number,
  ): Map<string, number> => {
    const f = new Map<string, number>();
    for (const e of input.enterprises) {
      f.set(e.id, 1);
      for (const p of handled.get(e.id)!) f.set(key(e.id, p), 1);
    }
    const supply = (id: string, p: string): number => {
      let sum = 0;
      for (const l of inbound.get(key(id, p))!) {
        const kind = contribution(l);
        if (kind === 'held') sum += shareOf(l) * heldValue(l);
        else if (kind === 'live')
          sum += shareOf(l) * (isPassThrough(l.from) ? f.get(key(l.from, l.product))! : f.get(l.from)!);
      }
      return Math.min(1, sum);
    };
    for (let rounds = 0; rounds < 100_000; rounds++) {
      let change = 0;
      for (const e of input.enterprises) {
        const own = state.own(e.id);
        const set = (k: string, value: number): void => {
          change = Math.max(change, Math.abs(value - f.get(k)!));
          f.set(k, value);
        };
        if (isPassThrough(e.id)) {
          const products = [...handled.get(e.id)!];
          let weighted = 0;
          let weights = 0;
          let plain = 0;
          for (const p of products) {
            const links = inbound.get(key(e.id, p)) ?? [];
            const value = links.length === 0 ? own : own * supply(e.id, p);
            set(key(e.id, p), value);
            const inVolume = links.reduce((s, l) => s + volumeOf(l), 0);
            const outVolume = (outbound.get(key(e.id, p)) ?? []).reduce((s, l) => s + volumeOf(l), 0);
            const weight = Math.max(inVolume, outVolume);
            weighted += weight * value;
            weights += weight;
            plain += value;
          }
          set(e.id, weights > 0 ? weighted / weights : products.length > 0 ? plain / products.length : own);
        } else {
          const supplies = [...inputProducts.get(e.id)!].map((p) => supply(e.id, p));
          set(e.id, own * Math.min(1, ...supplies));
        }
      }
      if (change < 1e-13) break;
    }
    return f;
  };
  const baseF = fractions(
    baseline,
    (l) => (baseDelivers(l) ? 'live' : 'none'),
    () => 0,
  );
  const baseG = (l: EngineLink): number =>
    isPassThrough(l.from) ? baseF.get(key(l.from, l.product))! : baseF.get(l.from)!;
  const scenarioF = fractions(
    scenarioState,
    (l) => {
      if (!baseDelivers(l)) return 'none';
      const t = linkDay(l);
      if (t + Math.max(0, l.inventoryDays ?? 0) < window) return 'cut';
      return t < window ? 'held' : 'live';
    },
    baseG,
  );

  const result: ReferenceResult = {
    stalled: new Set(),
    direct: new Set(),
    partial: new Set(),
    baselineFraction: new Map(),
    fraction: new Map(),
    stallDay: new Map(),
    outputsInBaseline: new Set(),
    outputsInScenario: new Set(),
  };
  for (const e of input.enterprises) {
    const id = e.id;
    const aliveInBase = outputsSomething(baseOut, id);
    if (aliveInBase) result.outputsInBaseline.add(id);
    if (outputsSomething(scenarioOut, id)) result.outputsInScenario.add(id);
    const baseProducts = productsOf(id).filter((p) => !isPassThrough(id) || baseOut.get(key(id, p)));
    const stopDay = isPassThrough(id) ? Math.max(...baseProducts.map((p) => day.get(key(id, p))!)) : day.get(id)!;
    const direct = scenarioDown(id) && !baseDown(id);
    const stalled = direct || (aliveInBase && stopDay < window);
    result.baselineFraction.set(id, baseF.get(id)!);
    result.fraction.set(id, scenarioF.get(id)!);
    if (direct) result.direct.add(id);
    if (stalled) {
      result.stalled.add(id);
      result.stallDay.set(id, direct ? 0 : stopDay);
      continue;
    }
    const lostProduct = isPassThrough(id) && baseProducts.some((p) => day.get(key(id, p))! < window);
    if (lostProduct || scenarioF.get(id)! < baseF.get(id)! - 1e-9) result.partial.add(id);
  }
  return result;
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (list === undefined) map.set(k, [value]);
  else list.push(value);
}

/** A link filter read literally: every given field must hold (a list: one of its values), crossRegion compares regions. */
export function filterMatchesLink(filter: LinkFilter, link: EngineLink, regionOf: (id: string) => string): boolean {
  const from = regionOf(link.from);
  const to = regionOf(link.to);
  return (
    (filter.modes == null || filter.modes.includes(link.mode)) &&
    (filter.products == null || filter.products.includes(link.product)) &&
    (filter.fromRegions == null || filter.fromRegions.includes(from)) &&
    (filter.toRegions == null || filter.toRegions.includes(to)) &&
    (filter.crossRegion == null || filter.crossRegion === (from !== to))
  );
}
