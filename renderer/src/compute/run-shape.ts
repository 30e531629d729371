/**
 * What a screen tells the compute wing's simulation run (simulate.svelte.ts):
 * the request, how to choose the plan, how to lay out a finished run. Pure
 * types, so that screens' shaping code is tested in Node.
 */
import type { SimulationOutput } from '../../../shared/engine/simulate';
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../../shared/model/portfolio';

export interface RunRequest {
  portfolio: Portfolio;
  scenarioId: string;
  iterations: number;
  seed: number;
}

/** The plan a screen simulates, and the scenario whose settings apply. */
export interface PlanChoice {
  scenario: ResolvedScenario;
  plan: PlanEntry[];
  /**
   * The document the plan belongs to when it is not the request's (the
   * re-forecast simulates the document moved to the first year not executed).
   */
  portfolio?: Portfolio;
}

/** How a screen chooses the plan and lays out a finished run. */
export interface RiskShape<P extends PlanChoice, F> {
  plan(portfolio: Portfolio, scenarioId: string): P;
  /** The figures shown; `key` tells the figures of the current settings from older ones. */
  figures(request: RunRequest, key: string, plan: P, output: SimulationOutput): F;
}
