/**
 * The efficient frontier (MODEL.md §4): the optimum for the investment
 * envelopes scaled by each factor, so the committee sees what each extra
 * million buys. Factors multiply the scenario's `budgetFactor.investment`.
 *
 * Points are solved from the smallest factor up, each starting from the plan
 * of the one before (still feasible with more money), so a point stopped by
 * the time limit is never worse than a smaller budget's.
 */
import type { PlanEntry, Portfolio } from '../../model/portfolio';
import type { HighsSource } from './highs';
import { planNetInvestment } from '../plan';
import { optimise, scenarioFor, type OptimiseOptions, type OptimiseStatus } from './optimise';

export const DEFAULT_FACTORS = [0.5, 0.75, 1, 1.25, 1.5];

export interface FrontierPoint {
  factor: number;
  status: OptimiseStatus;
  objective: number;
  bound: number;
  gap: number;
  /** Total net investment of the plan over the horizon. */
  investment: number;
  plan: PlanEntry[];
  reasons: string[];
}

export interface FrontierOptions extends Omit<OptimiseOptions, 'startPlans' | 'onProgress'> {
  factors?: readonly number[];
  /** Called after each point. */
  onPoint?: (point: FrontierPoint, done: number, total: number) => void;
}

export async function frontier(
  highsSource: HighsSource,
  portfolio: Portfolio,
  options: FrontierOptions = {},
): Promise<{ points: FrontierPoint[] }> {
  const base = scenarioFor(portfolio, options);
  const factors = options.factors ?? DEFAULT_FACTORS;
  const order = factors.map((f, i) => ({ f, i })).sort((a, b) => a.f - b.f);
  const points: FrontierPoint[] = new Array(factors.length);
  let previous: PlanEntry[] | undefined;
  let done = 0;
  for (const { f, i } of order) {
    const scenario = {
      ...base,
      budgetFactor: { ...base.budgetFactor, investment: base.budgetFactor.investment * f },
    };
    const result = await optimise(highsSource, portfolio, {
      ...options,
      scenario,
      startPlans: previous ? [previous] : [],
    });
    if (result.status === 'optimal' || result.status === 'feasible') previous = result.plan;
    const point: FrontierPoint = {
      factor: f,
      status: result.status,
      objective: result.objective,
      bound: result.bound,
      gap: result.gap,
      investment: planNetInvestment(portfolio, scenario, result.plan),
      plan: result.plan,
      reasons: result.reasons,
    };
    points[i] = point;
    done++;
    options.onPoint?.(point, done, factors.length);
    if (options.signal?.aborted) break;
  }
  return { points: points.filter((p): p is FrontierPoint => p !== undefined) };
}
