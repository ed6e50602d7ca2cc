/** Public API of the Linkfall impact engine: pure computation over one graph snapshot. */
export {
  ENTERPRISE_KINDS,
  ENTERPRISE_STATUSES,
  LINK_STATUSES,
  PASS_THROUGH_KINDS,
  TRANSPORT_MODES,
  type EngineEnterprise,
  type EngineLink,
  type EnterpriseKind,
  type EnterpriseStatus,
  type LinkStatus,
  type SupplyGraphInput,
  type TransportMode,
} from './graph-input';
export { inventoryDaysOf, linkVolumeOf } from './graph-columns';
export { SupplyGraph, type GraphMemoryUsage, type TransferableSupplyGraph } from './supply-graph';
export { SupplyGraphBuilder } from './supply-graph-builder';
export { type EnterpriseStatusChange, type GraphPatch, type LinkStatusChange } from './graph-patch';
export { prepareGraph } from './prepare-graph';
export { renumberInRankOrder } from './renumber-in-rank-order';
export { findUnknownScenarioIds, type Scenario, type UnknownScenarioIds } from './scenario';
export { evaluateScenario, type EvaluateOptions, type RunSummary } from './evaluate-scenario';
export { releasePropagation } from './state-propagation';
export {
  ImpactResult,
  type AffectedColumns,
  type AffectedEnterprise,
  type AffectedGroup,
  type ImpactSummary,
} from './impact-result';
export {
  rankCriticalEnterprises,
  rankCriticalLinks,
  type CriticalEntry,
  type CriticalMeasure,
  type RankCriticalOptions,
} from './rank-critical';
export {
  findAlternativeRoutes,
  findAlternativeSuppliers,
  type AlternativeRoute,
  type AlternativeSupplier,
} from './find-alternatives';
export { planResumption, type PlanResumptionOptions, type ResumptionStep } from './plan-resumption';
export { findSupplyPaths, type FindSupplyPathsOptions, type SupplyPathFound } from './find-supply-paths';
export {
  findUnknownLinkFilterNames,
  linkFilterKey,
  matchLinks,
  type LinkFilter,
  type UnknownLinkFilterNames,
} from './link-filter';
export {
  OutputLossAccumulator,
  lostValueOf,
  summarizeOutputLoss,
  type LostOutputByUnit,
  type OutputLossTotals,
} from './output-value';
export { simulate } from './simulation/simulate';
export { listTrajectories } from './simulation/list-trajectories';
export {
  DEFAULT_RESTOCK_RATE,
  MAX_HORIZON_DAYS,
  type BlockSet,
  type CapacityChange,
  type SimulationEvent,
  type SimulationInput,
} from './simulation/simulation-input';
export { findSimulationInputProblems, type SimulationInputProblem } from './simulation/find-simulation-input-problems';
export type {
  EnterpriseTrajectory,
  SimulationDay,
  SimulationResult,
  SimulationWork,
  TrajectoryTable,
  WatchedSeries,
} from './simulation/simulation-result';
