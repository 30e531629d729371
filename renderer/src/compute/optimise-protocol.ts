/**
 * The messages of the optimiser's worker (optimise.worker.ts), apart from
 * the worker so that the page's side (and its tests under Node) can name
 * them without loading the worker.
 */
import type { OptimiseProgress, OptimiseResult } from '../../../shared/engine/optimise';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import type { ErrorReply } from './worker-run';

export interface OptimiseRequest {
  id: number;
  portfolio: Portfolio;
  /** Undefined: the first scenario, else neutral settings (a document without scenario). */
  scenarioId?: string;
  timeLimitSeconds: number;
  /** Plans to start the solver from when feasible (a variant's neighbour, plan-variants.svelte.ts). */
  startPlans?: PlanEntry[][];
}

export type OptimiseReply =
  | { type: 'progress'; id: number; progress: OptimiseProgress }
  | { type: 'done'; id: number; result: OptimiseResult }
  | ErrorReply;
