/**
 * The optimiser of MODEL.md §4: `optimise` (best plan, bound, gap, usage,
 * heuristic comparison, reasons when infeasible), `frontier` (the optimum
 * across investment envelopes), the ranking heuristic and the plan checker.
 */
export { checkPlan } from './check';
export {
  confidenceFrontier,
  frontier,
  DEFAULT_CONFIDENCES,
  DEFAULT_FACTORS,
  type ConfidenceFrontierOptions,
  type ConfidencePoint,
  type FrontierOptions,
  type FrontierPoint,
  type KnownPoint,
} from './frontier';
export type { ConfidenceReport } from './confidence';
export { rankingHeuristic, type HeuristicResult } from './heuristic';
export type { HighsSource } from './highs';
export {
  optimise,
  UnknownScenarioError,
  type OptimiseOptions,
  type OptimiseProgress,
  type OptimiseResult,
  type OptimiseStatus,
} from './optimise';
export {
  planObjective,
  planUsage,
  prepareProblem,
  scenarioObjective,
  type PlanUsage,
} from './problem';
