/**
 * The efficient frontier (MODEL.md §4): the optimum for the investment
 * envelopes scaled by each factor, so the committee sees what each extra
 * million buys. Factors multiply the scenario's `budgetFactor.investment`.
 *
 * Points are solved from the smallest factor up, each starting from the plan
 * of the one before (still feasible with more money), so a point stopped by
 * the time limit is never worse than a smaller budget's: the frontier never
 * shows a larger budget buying less. A point already known (the scenario's
 * own result, shown on the scenario screen or step 1 of a meeting) is taken
 * as it is instead of being solved again with a shorter time limit, so both
 * show one figure: when proven, or when no smaller envelope's plan beats
 * it. Given solver threads
 * (`race`), as many points are solved at once, one thread each, each
 * starting from the plan of the largest smaller envelope solved by then.
 *
 * The price of confidence (MODEL.md §7, `confidenceFrontier`): the value of
 * the plan that holds the envelopes at each confidence level, the
 * deterministic plan standing for `null`. Levels are solved from the
 * strictest down, each offered the stricter level's plan (which holds at a
 * looser level too), so a stricter confidence never shows more value; the
 * deterministic optimum is solved once and shared.
 */
import type { PlanEntry, Portfolio } from '../../model/portfolio';
import { planNetInvestment } from '../plan';
import type { ConfidenceReport } from './confidence';
import { resolveHighs, type HighsSource } from './highs';
import {
  optimise,
  scenarioFor,
  type OptimiseOptions,
  type OptimiseResult,
  type OptimiseStatus,
} from './optimise';
import { oneLane } from './race';

export const DEFAULT_FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
export const DEFAULT_CONFIDENCES = [0.5, 0.8, 0.9, 0.95];

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
  /** True when the point was not solved here but given (the scenario's own result). */
  reused?: boolean;
  /** With a confidence: what the simulation says of the point's plan. */
  confidence?: ConfidenceReport;
}

/** A result already known for one factor (e.g. the scenario's proven optimum at factor 1). */
export interface KnownPoint {
  factor: number;
  result: Pick<
    OptimiseResult,
    'status' | 'objective' | 'bound' | 'gap' | 'plan' | 'reasons' | 'confidence'
  >;
}

export interface FrontierOptions extends Omit<OptimiseOptions, 'startPlans' | 'onProgress'> {
  factors?: readonly number[];
  /**
   * Points not to solve again: used when proven optimal, or when they have a
   * plan that no smaller envelope solved before them beats.
   */
  known?: readonly KnownPoint[];
  /** Called after each point. */
  onPoint?: (point: FrontierPoint, done: number, total: number) => void;
}

const hasPlan = (status: OptimiseStatus) => status === 'optimal' || status === 'feasible';

export async function frontier(
  highsSource: HighsSource,
  portfolio: Portfolio,
  options: FrontierOptions = {},
): Promise<{ points: FrontierPoint[] }> {
  const base = scenarioFor(portfolio, options);
  const highs = await resolveHighs(highsSource);
  const factors = options.factors ?? DEFAULT_FACTORS;
  const order = factors.map((f, i) => ({ f, i })).sort((a, b) => a.f - b.f);
  const points: FrontierPoint[] = new Array(factors.length);
  // With several solver threads, points are solved at once, one thread each.
  const threads = Math.max(1, Math.min(options.race?.lanes ?? 1, order.length));
  const race = options.race && threads > 1 ? oneLane(options.race) : options.race;
  const solved: { f: number; plan: PlanEntry[]; objective: number }[] = [];
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
      const below = solved.filter((s) => s.f <= f).sort((a, b) => b.f - a.f)[0];
      const previous = below?.plan;
      // A known result is the figure the user already saw: taken as it is when
      // proven, or when it has a plan no smaller envelope solved so far beats
      // (otherwise the frontier would show more money buying less).
      const known = options.known?.find(
        (k) =>
          Math.abs(k.factor - f) < 1e-9 &&
          (k.result.status === 'optimal' ||
            (k.result.status === 'feasible' &&
              (below === undefined || k.result.objective >= below.objective - 1e-9))),
      );
      const result = known
        ? known.result
        : await optimise(race ? highsSource : highs, portfolio, {
            ...options,
            scenario,
            race,
            startPlans: previous ? [previous] : [],
          });
      if (hasPlan(result.status))
        solved.push({ f, plan: result.plan, objective: result.objective });
      const point: FrontierPoint = {
        factor: f,
        status: result.status,
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        investment: planNetInvestment(portfolio, scenario, result.plan),
        plan: result.plan,
        reasons: result.reasons,
        ...(known ? { reused: true } : {}),
        ...(result.confidence ? { confidence: result.confidence } : {}),
      };
      points[i] = point;
      done++;
      options.onPoint?.(point, done, factors.length);
    }
  };
  await Promise.all(Array.from({ length: threads }, solveNext));
  return { points: points.filter((p): p is FrontierPoint => p !== undefined) };
}

export interface ConfidencePoint {
  /** The confidence level, or null for the deterministic plan of §4. */
  confidence: number | null;
  status: OptimiseStatus;
  objective: number;
  bound: number;
  gap: number;
  investment: number;
  plan: PlanEntry[];
  reasons: string[];
  /** Share of the deterministic optimum's value given up (0 for the deterministic point). */
  priceOfConfidence: number;
  /** Simulated P(over) of each year (absent for the deterministic point). */
  pOverEnvelope?: number[];
  stdError?: number[];
}

export interface ConfidenceFrontierOptions extends Omit<
  OptimiseOptions,
  'startPlans' | 'onProgress' | 'confidence'
> {
  /** Levels; null stands for the deterministic plan (always computed, and listed when asked). */
  confidences?: readonly (number | null)[];
  /** The deterministic result when already known (the scenario's result, with a plan): not solved again. */
  deterministic?: OptimiseResult;
  onPoint?: (point: ConfidencePoint, done: number, total: number) => void;
}

export async function confidenceFrontier(
  highsSource: HighsSource,
  portfolio: Portfolio,
  options: ConfidenceFrontierOptions = {},
): Promise<{ points: ConfidencePoint[] }> {
  const highs = await resolveHighs(highsSource);
  const levels = options.confidences ?? [null, ...DEFAULT_CONFIDENCES];
  const total = levels.length;
  const det =
    options.deterministic && hasPlan(options.deterministic.status)
      ? options.deterministic
      : await optimise(highs, portfolio, {
          ...options,
          confidence: null,
          deterministic: undefined,
        });
  const investment = (plan: PlanEntry[]) =>
    planNetInvestment(portfolio, scenarioFor(portfolio, options), plan);
  const out = new Map<number | null, ConfidencePoint>();
  let done = 0;
  const emit = (point: ConfidencePoint) => {
    out.set(point.confidence, point);
    done++;
    options.onPoint?.(point, done, total);
  };
  if (levels.includes(null)) {
    emit({
      confidence: null,
      status: det.status,
      objective: det.objective,
      bound: det.bound,
      gap: det.gap,
      investment: investment(det.plan),
      plan: det.plan,
      reasons: det.reasons,
      priceOfConfidence: 0,
    });
  }
  const strictFirst = levels.filter((c): c is number => c !== null).sort((a, b) => b - a);
  let stricter: PlanEntry[] | undefined;
  for (const c of strictFirst) {
    if (options.signal?.aborted) break;
    const r = await optimise(highs, portfolio, {
      ...options,
      confidence: c,
      deterministic: det,
      startPlans: stricter ? [stricter] : [],
    });
    if (hasPlan(r.status)) stricter = r.plan;
    emit({
      confidence: c,
      status: r.status,
      objective: r.objective,
      bound: r.bound,
      gap: r.gap,
      investment: investment(r.plan),
      plan: r.plan,
      reasons: r.reasons,
      priceOfConfidence: r.confidence?.priceOfConfidence ?? 0,
      pOverEnvelope: r.confidence?.pOverEnvelope,
      stdError: r.confidence?.stdError,
    });
  }
  return {
    points: levels.map((c) => out.get(c)).filter((p): p is ConfidencePoint => p !== undefined),
  };
}
