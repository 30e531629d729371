/**
 * The efficient frontier (MODEL.md §4): the optimum for the investment
 * envelopes scaled by each factor, so the committee sees what each extra
 * million buys. Factors multiply the scenario's `budgetFactor.investment`.
 *
 * Points are solved from the smallest factor up, each starting from the plan
 * of the one before (still feasible with more money), so a point stopped by
 * the time limit is never worse than a smaller budget's. Given solver threads
 * (`race`), as many points are solved at once, one thread each, each
 * starting from the plan of the largest smaller envelope solved by then.
 */
import type { PlanEntry, Portfolio } from '../../model/portfolio';
import type { HighsSource } from './highs';
import { planNetInvestment } from '../plan';
import { optimise, scenarioFor, type OptimiseOptions, type OptimiseStatus } from './optimise';
import { oneLane } from './race';

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
  // With several solver threads, points are solved at once, one thread each.
  const threads = Math.max(1, Math.min(options.race?.lanes ?? 1, order.length));
  const race = options.race && threads > 1 ? oneLane(options.race) : options.race;
  const solved: { f: number; plan: PlanEntry[] }[] = [];
  let next = 0;
  let done = 0;
  const solveNext = async () => {
    while (next < order.length && !options.signal?.aborted) {
      const { f, i } = order[next++]!;
      const scenario = {
        ...base,
        budgetFactor: { ...base.budgetFactor, investment: base.budgetFactor.investment * f },
      };
      // The plan of the largest smaller envelope solved so far.
      const previous = solved.filter((s) => s.f <= f).sort((a, b) => b.f - a.f)[0]?.plan;
      const result = await optimise(highsSource, portfolio, {
        ...options,
        scenario,
        race,
        startPlans: previous ? [previous] : [],
      });
      if (result.status === 'optimal' || result.status === 'feasible') {
        solved.push({ f, plan: result.plan });
      }
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
    }
  };
  await Promise.all(Array.from({ length: threads }, solveNext));
  return { points: points.filter((p): p is FrontierPoint => p !== undefined) };
}
