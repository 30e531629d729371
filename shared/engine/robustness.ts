/**
 * How robust the optimal plan is to the criteria weights (MODEL.md §3, §4;
 * CLI.md `optimize --robustness`).
 *
 * **Weight ranges.** For a criterion c with current share `w_c` (weights
 * normalised to sum 1), moving its share to `t` rescales the others in
 * proportion: `w_k(t) = w_k × (1 − t) / (1 − w_c)` (equal shares when the
 * others are all 0). For each criterion we look for the interval
 * `[low, high]` ⊂ [0, 1] around `w_c` over which the optimal plan keeps the
 * same *set* of projects (start years may move), and the projects that
 * enter or leave just outside each end.
 *
 * Method: bisection of the weight interval with re-optimisation (HiGHS, via
 * `optimise`), where each cut is placed at the crossing point of two plans'
 * objective lines rather than at the midpoint. A plan's objective
 * `Σ V_p(w(t)) × (1 − timePreference)^s` is linear in `t`, so if the plan
 * `R` (current set) is optimal at `inside` and a plan `Q` (other set) beats
 * it at `outside`, the change happens no later than where their lines
 * cross, `t×`. Re-optimising at `t×`: if nothing beats `R` there, `t×` *is*
 * the end of the range (exact); otherwise the better plan replaces `Q` (a
 * different set: `outside = t×`) or `R` (same set, better schedule:
 * `inside = t×`), and the interval shrinks. Every other cut is a plain
 * midpoint, so the interval at least halves every two solves even in
 * degenerate cases. The search stops when exact or when
 * `outside − inside ≤ tolerance` (default 0.005, i.e. half a point of
 * weight share); the end reported is then `inside`, the last share known to
 * keep the set, and `exact` is false. Ties: a plan beats `R` only by more
 * than the optimality gap asked of the solver (`gap × |objective|`, plus
 * 1e-6), so two plans equal within the solver's tolerance do not count as a
 * change. Assumed, as any bisection does: the shares keeping the set form
 * one interval.
 *
 * **Stability.** For each project, the share of sampled weightings under
 * which it is in the optimal plan. Weightings are drawn from a Dirichlet
 * distribution centred on the current shares, `α_k = max(κ w_k, 0.5)` with
 * concentration κ = 30 by default (a weight of 0.25 then varies by about
 * ±0.08), from a seeded generator: same seed, same samples.
 *
 * Bounded in time: every solve has `timeLimitSeconds`; `maxSeconds` caps the
 * whole run; `signal` cancels between and inside solves. A stopped run
 * returns what it found, with `complete: false`. A solve stopped with a gap
 * marks the result `approximate`.
 */
import type { Highs } from 'highs';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type ResolvedScenario,
} from '../model/portfolio';
import { optimise, UnknownScenarioError, type HighsSource } from './optimise';
import { planObjective, prepareProblem } from './optimise/problem';
import { normalisedWeights } from './value';

export interface CriterionRobustness {
  criterion: string;
  /** Current share of the criterion, 0..1. */
  weight: number;
  /** Lowest share keeping the plan's set of projects. */
  low: number;
  /** Highest share keeping the plan's set of projects. */
  high: number;
  /** Projects entering / leaving the plan just below `low` (empty when `low` is 0). */
  enteringAtLow: string[];
  leavingAtLow: string[];
  /** Projects entering / leaving the plan just above `high` (empty when `high` is 1). */
  enteringAtHigh: string[];
  leavingAtHigh: string[];
  /** Both ends found exactly (crossing point confirmed), not to the tolerance only. */
  exact: boolean;
}

export interface ProjectStability {
  project: string;
  /** Share of sampled weightings under which the project is in the optimal plan. */
  share: number;
  /** Whether it is in the reference plan. */
  inPlan: boolean;
}

export interface RobustnessProgress {
  phase: 'reference' | 'ranges' | 'stability';
  /** Share of the work done, 0..1 (an estimate during the ranges). */
  fraction: number;
  /** Solver runs so far. */
  solves: number;
  /** The criterion being examined (phase `ranges`). */
  criterion?: string;
  /** The partial result, when a criterion or a sample has just been finished. */
  partial?: RobustnessResult;
}

export interface RobustnessOptions {
  scenarioId?: string;
  /** Time limit of each solve, seconds (default 30). */
  timeLimitSeconds?: number;
  /** Relative optimality gap of each solve (default 1e-4, the optimiser's). */
  gap?: number;
  /** Stop the search for an end when the interval is this narrow (default 0.005). */
  tolerance?: number;
  /** Sampled weightings for the stability (default 30; 0 skips it). */
  samples?: number;
  /** Dirichlet concentration κ (default 30). */
  concentration?: number;
  seed?: number;
  /** Whole-run cap, seconds (default: none). */
  maxSeconds?: number;
  /** The plan optimal at the current weights, when already known (saves a solve). */
  reference?: readonly PlanEntry[];
  onProgress?: (progress: RobustnessProgress) => void;
  signal?: { readonly aborted: boolean };
}

export interface RobustnessResult {
  scenario: string;
  /** The plan optimal at the current weights, and its set of projects. */
  plan: PlanEntry[];
  projects: string[];
  ranges: CriterionRobustness[];
  stability: ProjectStability[];
  /** Weightings actually sampled. */
  samples: number;
  solves: number;
  /** Some solve stopped before proving optimality within the gap. */
  approximate: boolean;
  /** False when stopped (cancelled or out of time) before the end. */
  complete: boolean;
}

export const DEFAULT_TOLERANCE = 0.005;
export const DEFAULT_SAMPLES = 30;
export const DEFAULT_CONCENTRATION = 30;

/** The normalised weights with criterion `c` at share `t` and the others rescaled in proportion. */
export function weightsAt(base: readonly number[], c: number, t: number): number[] {
  const others = base.reduce((s, w, k) => (k === c ? s : s + w), 0);
  const n = base.length;
  return base.map((w, k) => {
    if (k === c) return t;
    if (others > 0) return (w * (1 - t)) / others;
    return n > 1 ? (1 - t) / (n - 1) : 0;
  });
}

/** The same portfolio with these criteria weights. */
export function withWeights(portfolio: Portfolio, weights: readonly number[]): Portfolio {
  return {
    ...portfolio,
    criteria: portfolio.criteria.map((c, k) => ({ ...c, weight: weights[k] ?? 0 })),
  };
}

/** Objective of a plan (MODEL.md §4, §7) under given normalised weights. */
export function planObjectiveAt(
  portfolio: Portfolio,
  plan: readonly PlanEntry[],
  weights: readonly number[],
  scenario: ResolvedScenario,
): number {
  return planObjective(prepareProblem(withWeights(portfolio, weights), scenario), plan);
}

const setOf = (plan: readonly PlanEntry[]) => [...new Set(plan.map((e) => e.project))].sort();
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

class Stop extends Error {}

/** The weight ranges keeping the optimal set of projects, and each project's stability. */
export async function robustness(
  highsSource: HighsSource,
  portfolio: Portfolio,
  options: RobustnessOptions = {},
): Promise<RobustnessResult> {
  const began = Date.now();
  const scenario = resolveScenario(portfolio, options.scenarioId);
  if (!scenario) throw new UnknownScenarioError(options.scenarioId ?? '');
  const highs: Highs = typeof highsSource === 'function' ? await highsSource() : highsSource;
  const gap = options.gap ?? 1e-4;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0 && tolerance < 0.5))
    throw new RangeError(`tolerance : attendu un nombre entre 0 et 0,5, reçu ${tolerance}.`);
  const sampleCount = options.samples ?? DEFAULT_SAMPLES;
  if (!Number.isInteger(sampleCount) || sampleCount < 0)
    throw new RangeError(`samples : attendu un entier positif ou nul, reçu ${sampleCount}.`);
  const timeLimit = options.timeLimitSeconds ?? 30;
  const base = normalisedWeights(portfolio.criteria);
  const n = base.length;

  let solves = 0;
  let approximate = false;
  let complete = true;
  const stopped = () =>
    options.signal?.aborted === true ||
    (options.maxSeconds !== undefined && (Date.now() - began) / 1000 >= options.maxSeconds);

  /** The optimal plan at these weights (throws Stop when cancelled or out of time). */
  const solve = async (weights: number[], hints: readonly (readonly PlanEntry[])[]) => {
    if (stopped()) throw new Stop();
    const left =
      options.maxSeconds === undefined
        ? timeLimit
        : Math.min(timeLimit, options.maxSeconds - (Date.now() - began) / 1000);
    const r = await optimise(highs, withWeights(portfolio, weights), {
      scenarioId: options.scenarioId,
      timeLimitSeconds: Math.max(0.05, left),
      gap,
      signal: options.signal,
      startPlans: hints,
    });
    solves++;
    report(current.phase, current.criterion);
    if (r.status === 'infeasible' || r.status === 'unknown')
      throw new Error(`Aucun plan possible : ${r.reasons.join(' ')}`);
    if (stopped()) throw new Stop();
    if (r.status === 'feasible') approximate = true;
    return r.plan;
  };
  const tie = (value: number) => gap * Math.abs(value) + 1e-6;

  const steps = 2 * n + sampleCount;
  let stepsDone = 0;
  /** What is being done, for the progress reported after each solve. */
  const current: { phase: RobustnessProgress['phase']; criterion?: string } = {
    phase: 'reference',
  };
  const report = (phase: RobustnessProgress['phase'], criterion?: string, withPartial = false) => {
    current.phase = phase;
    current.criterion = criterion;
    options.onProgress?.({
      phase,
      fraction: Math.min(1, stepsDone / Math.max(1, steps)),
      solves,
      criterion,
      partial: withPartial ? result() : undefined,
    });
  };

  // ---- the reference plan ----------------------------------------------
  report('reference');
  let reference: PlanEntry[];
  if (options.reference) reference = [...options.reference];
  else {
    try {
      reference = await solve(base, []);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      return {
        scenario: scenario.id,
        plan: [],
        projects: [],
        ranges: [],
        stability: [],
        samples: 0,
        solves,
        approximate,
        complete: false,
      };
    }
  }
  const refSet = setOf(reference);
  const ranges: CriterionRobustness[] = [];
  const counts = new Map(portfolio.projects.map((p) => [p.id, 0]));
  let samples = 0;
  const result = (): RobustnessResult => ({
    scenario: scenario.id,
    plan: reference,
    projects: refSet,
    ranges: [...ranges],
    stability: portfolio.projects.map((p) => ({
      project: p.id,
      share: samples > 0 ? (counts.get(p.id) ?? 0) / samples : Number.NaN,
      inPlan: refSet.includes(p.id),
    })),
    samples,
    solves,
    approximate,
    complete,
  });

  /** One end of a criterion's range: walk from its share towards `end` (0 or 1). */
  const findEnd = async (c: number, end: number) => {
    const w0 = base[c]!;
    const at = (t: number) => weightsAt(base, c, t);
    const f = (plan: readonly PlanEntry[], t: number) =>
      planObjectiveAt(portfolio, plan, at(t), scenario);
    let inside = w0;
    let ref: PlanEntry[] = reference;
    const none = { bound: end, entering: [] as string[], leaving: [] as string[], exact: true };
    if (Math.abs(end - w0) < 1e-12 || n === 1) return none;
    let outside = end;
    let other: PlanEntry[];
    try {
      other = await solve(at(end), [ref]);
    } catch (error) {
      if (error instanceof Stop) return { ...none, bound: inside, exact: false };
      throw error;
    }
    if (sameSet(setOf(other), refSet) || f(other, end) <= f(ref, end) + tie(f(ref, end)))
      return none;
    let exact = false;
    let bisect = false;
    for (let k = 0; k < 60 && Math.abs(outside - inside) > tolerance; k++) {
      let t: number;
      const dIn = f(other, inside) - f(ref, inside);
      const dOut = f(other, outside) - f(ref, outside);
      const crossing =
        dOut - dIn > 1e-12 ? inside + ((outside - inside) * -dIn) / (dOut - dIn) : NaN;
      const usable =
        Number.isFinite(crossing) &&
        Math.abs(crossing - inside) > 1e-12 &&
        Math.abs(outside - crossing) > 1e-12;
      if (bisect || !usable) t = (inside + outside) / 2;
      else t = crossing;
      const isCrossing = !bisect && usable;
      bisect = !bisect;
      let plan: PlanEntry[];
      try {
        plan = await solve(at(t), [ref, other]);
      } catch (error) {
        if (error instanceof Stop) break;
        throw error;
      }
      const refValue = f(ref, t);
      if (sameSet(setOf(plan), refSet)) {
        if (f(plan, t) > refValue + tie(refValue)) ref = plan;
        inside = t;
        if (isCrossing) {
          // Nothing beats the current set where `other` catches up with it:
          // the range ends exactly here.
          exact = f(plan, t) <= refValue + tie(refValue);
          if (exact) break;
        }
      } else if (f(plan, t) <= refValue + tie(refValue)) {
        // Another set, but no better than ours within the gap: still ours.
        inside = t;
        if (isCrossing) {
          exact = true;
          break;
        }
      } else {
        outside = t;
        other = plan;
      }
    }
    if (exact) {
      // The range ends at the crossing: `other` takes over just beyond it.
      outside = inside;
    }
    const otherSet = setOf(other);
    return {
      bound: inside,
      entering: otherSet.filter((p) => !refSet.includes(p)),
      leaving: refSet.filter((p) => !otherSet.includes(p)),
      exact,
    };
  };

  // ---- the ranges ------------------------------------------------------
  for (let c = 0; c < n && !stopped(); c++) {
    const criterion = portfolio.criteria[c]!.id;
    report('ranges', criterion);
    const lowEnd = await findEnd(c, 0);
    stepsDone++;
    report('ranges', criterion);
    const highEnd = await findEnd(c, 1);
    stepsDone++;
    ranges.push({
      criterion,
      weight: base[c]!,
      low: lowEnd.bound,
      high: highEnd.bound,
      enteringAtLow: lowEnd.entering,
      leavingAtLow: lowEnd.leaving,
      enteringAtHigh: highEnd.entering,
      leavingAtHigh: highEnd.leaving,
      exact: lowEnd.exact && highEnd.exact,
    });
    if (stopped()) break;
    report('ranges', criterion, true);
  }

  // ---- stability -------------------------------------------------------
  const random = seededRandom(options.seed ?? 1);
  const kappa = options.concentration ?? DEFAULT_CONCENTRATION;
  const alpha = base.map((w) => Math.max(kappa * w, 0.5));
  if (sampleCount > 0 && !stopped()) report('stability');
  for (let s = 0; s < sampleCount && !stopped(); s++) {
    const weights = dirichlet(alpha, random);
    let plan: PlanEntry[];
    try {
      plan = await solve(weights, [reference]);
    } catch (error) {
      if (error instanceof Stop) break;
      throw error;
    }
    samples++;
    for (const id of setOf(plan)) counts.set(id, (counts.get(id) ?? 0) + 1);
    stepsDone++;
    report('stability', undefined, true);
  }

  complete = !stopped() && ranges.length === n && samples === sampleCount;
  const out = result();
  options.onProgress?.({ phase: 'stability', fraction: 1, solves, partial: out });
  return out;
}

// ---- seeded sampling -------------------------------------------------------

/** mulberry32: a small seeded generator of uniforms in (0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the usual boost for shape < 1. */
export function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A draw from Dirichlet(α): positive shares summing to 1. */
export function dirichlet(alpha: readonly number[], random: () => number): number[] {
  const g = alpha.map((a) => gamma(a, random));
  const total = g.reduce((s, x) => s + x, 0);
  return g.map((x) => x / total);
}
