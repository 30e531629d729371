/**
 * Which plan stands for a scenario in the comparison: the optimised plan
 * computed on this screen when it is up to date (computed from the current
 * portfolio and settings), else the scenario's saved plan, else none.
 */
import { checkPlan } from '../../../../shared/engine/optimise';
import { optimisationKey } from '../../../../shared/engine/plan';
import type { PlanEntry, Portfolio } from '../../../../shared/model/portfolio';
import { resolveScenario } from '../../../../shared/model/portfolio';

/** What the comparison reads of a plan run (compute/frontier.svelte.ts `PlanRun`). */
export interface PlanRunView {
  plan: PlanEntry[] | null;
  state: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  key: string;
}

/** What an optimised plan of the scenario depends on (its saved plan aside). */
export function scenarioKey(portfolio: Portfolio, scenarioId: string): string {
  return optimisationKey(portfolio, scenarioId);
}

export type SidePlan =
  | { source: 'computed'; plan: PlanEntry[]; partial: boolean }
  | { source: 'saved'; plan: PlanEntry[]; problems: string[] }
  | { source: 'none' };

export function sidePlan(
  portfolio: Portfolio,
  scenarioId: string,
  run: PlanRunView | undefined,
): SidePlan {
  const known = new Set(portfolio.projects.map((p) => p.id));
  if (
    run?.plan &&
    (run.state === 'done' || run.state === 'cancelled') &&
    run.key === scenarioKey(portfolio, scenarioId)
  ) {
    return {
      source: 'computed',
      plan: run.plan.filter((e) => known.has(e.project)),
      partial: run.state === 'cancelled',
    };
  }
  const scenario = portfolio.scenarios?.find((s) => s.id === scenarioId);
  if (scenario?.plan) {
    const resolved = resolveScenario(portfolio, scenarioId);
    return {
      source: 'saved',
      plan: scenario.plan.filter((e) => known.has(e.project)),
      problems: resolved ? checkPlan(portfolio, resolved, scenario.plan) : [],
    };
  }
  return { source: 'none' };
}
