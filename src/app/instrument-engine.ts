import type { ImpactService } from '../features/impact/impact.service';
import type { SimulationService } from '../features/simulation/simulation.service';
import type { Metrics } from '../platform/metrics/metrics';

/** The impact service's calls that run the engine, counted and timed as linkfall_engine_evaluations_total. */
const ENGINE_CALLS = [
  'impact',
  'compare',
  'criticalLinks',
  'criticalEnterprises',
  'alternativeSuppliers',
  'alternativeRoutes',
  'resumptionPlan',
  'supplyPaths',
] as const satisfies readonly (keyof ImpactService)[];

/** Wraps each engine call of `impact` in place, labelled by its name. */
export function instrumentEngine(impact: ImpactService, metrics: Metrics): ImpactService {
  for (const call of ENGINE_CALLS) {
    const original = impact[call].bind(impact) as (...args: unknown[]) => Promise<unknown>;
    Object.defineProperty(impact, call, {
      value: (...args: unknown[]) => metrics.timeEngine(call, () => original(...args)),
    });
  }
  return impact;
}

/** Wraps the simulation service's engine call the same way, labelled `simulate`. */
export function instrumentSimulation(simulation: SimulationService, metrics: Metrics): SimulationService {
  const original = simulation.simulate.bind(simulation);
  Object.defineProperty(simulation, 'simulate', {
    value: (...args: Parameters<SimulationService['simulate']>) =>
      metrics.timeEngine('simulate', () => original(...args)),
  });
  return simulation;
}
