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
 * Method: a pool of every plan the solves meet, and of the bounds they
 * prove (weight-space.ts). A plan's objective is linear in the weights, so
 * along a criterion's line each pooled plan is a line, and the pool gives a
 * candidate end: the first share where a plan of another set beats every
 * pooled plan of the current set by more than the tie. Each end is then
 * confirmed just inside (the current set is optimal at `end ∓ δ`) and just
 * outside (another set is optimal at `end ± δ`, δ = 1e-5), each either by a
 * solve or by a certificate: the optimum is convex in the weights, so bounds
 * proven at a few weightings bound it at their convex combinations, and a
 * pooled plan reaching that bound is optimal there without a solve. The
 * first solve of an end is at the far end of the line (0 or 1: if the set is
 * still optimal there, the range reaches it), the next ones at the
 * candidate, where two plans' lines cross (Eisner and Severance's search of
 * a parametric optimum: if nothing beats them there, the optimum is their
 * upper envelope on both sides, which certifies both confirmations at
 * once). Every new plan a solve finds joins the pool and moves the
 * candidate. An end confirmed this way is `exact` (known within δ). Should
 * the pool not settle within 16 solves, the remaining interval between the
 * last share known to keep the set and the first known to change it is
 * bisected down to `tolerance` (default 0.005); the end reported is then the
 * last share known to keep the set, and `exact` is false. Ties: a plan
 * beats another only by more than the optimality gap asked of the solver
 * (`gap × |objective|`, plus 1e-6), so two plans equal within the solver's
 * tolerance do not count as a change. Assumed, as any bisection does: the
 * shares keeping the set form one interval.
 *
 * **Stability.** For each project, the share of sampled weightings under
 * which it is in the optimal plan. Weightings are drawn from a Dirichlet
 * distribution centred on the current shares, `α_k = max(κ w_k, 0.5)` with
 * concentration κ = 30 by default (a weight of 0.25 then varies by about
 * ±0.08), from a seeded generator: same seed, same samples. A sample whose
 * optimum the pool certifies (see above) needs no solve.
 *
 * Bounded in time: every solve has `timeLimitSeconds`; `maxSeconds` caps the
 * whole run; `signal` cancels between and inside solves. A stopped run
 * returns what it found, with `complete: false`. A solve stopped with a gap
 * marks the result `approximate` (its bound still counts, as a bound).
 */
import type { Highs } from 'highs';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type ResolvedScenario,
} from '../model/portfolio';
import { dirichlet, seededRandom } from './dirichlet';
import { optimise, UnknownScenarioError, type HighsSource } from './optimise';
import { oneLane, type RaceTransport } from './optimise/race';
import { planObjective, prepareProblem } from './optimise/problem';
import { normalisedWeights } from './value';
import { findRangeEnd, type EndSearch, type RangeEnd } from './weight-range';
import { setKey, WeightSpace, type PoolPlan } from './weight-space';

export { weightsAt } from './weight-range';

export { dirichlet, gamma, seededRandom } from './dirichlet';

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
  /** Threads to race each solve on (optimise/race.ts). */
  race?: RaceTransport;
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
  /** Solver runs (a sample or a confirmation certified by the pool needs none). */
  solves: number;
  /** Some solve stopped before proving optimality within the gap. */
  approximate: boolean;
  /** False when stopped (cancelled or out of time) before the end. */
  complete: boolean;
}

export const DEFAULT_TOLERANCE = 0.005;
export const DEFAULT_SAMPLES = 30;
export const DEFAULT_CONCENTRATION = 30;

/** HiGHS options of a solve started from a plan that is probably optimal (demo: 4.0 → 3.0 s). */
const PROOF = {
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
};

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
  const tie = (value: number) => gap * Math.abs(value) + 1e-6;
  const space = new WeightSpace(highs, portfolio, scenario, tie);

  // Each solve runs on one thread; as many solves at once as there are threads.
  const threads = Math.max(1, options.race?.lanes ?? 1);
  const transport = options.race && threads > 1 ? oneLane(options.race) : options.race;

  let solves = 0;
  let approximate = false;
  let complete = true;
  const stopped = () =>
    options.signal?.aborted === true ||
    (options.maxSeconds !== undefined && (Date.now() - began) / 1000 >= options.maxSeconds);

  /** The optimal plan at these weights, pooled (throws Stop when cancelled or out of time). */
  const solve = async (weights: number[], hints: readonly PoolPlan[]): Promise<PoolPlan> => {
    if (stopped()) throw new Stop();
    const left =
      options.maxSeconds === undefined
        ? timeLimit
        : Math.min(timeLimit, options.maxSeconds - (Date.now() - began) / 1000);
    const best = space.best(weights);
    const r = await optimise(highs, withWeights(portfolio, weights), {
      scenarioId: options.scenarioId,
      timeLimitSeconds: Math.max(0.05, left),
      // Proven ten times tighter than the tie, so that bounds combined by
      // convexity still certify plans (from a good start, a proof to 1e-5
      // took the demo no longer than one to 1e-4).
      gap: gap / 10,
      signal: options.signal,
      startPlans: [...(best ? [best.plan] : []), ...hints.map((h) => h.plan)],
      race: transport,
      // The pool's best plan is the start, usually optimal already: the
      // root's sub-MIP searches for better plans cost a third of the proof.
      settings: best ? PROOF : undefined,
      onProgress: (p) => {
        if (p.phase === 'solving' && p.plan) space.addPlan(p.plan);
      },
    });
    solves++;
    report(current.phase, current.criterion);
    if (r.status === 'infeasible' || r.status === 'unknown')
      throw new Error(`Aucun plan possible : ${r.reasons.join(' ')}`);
    if (stopped()) throw new Stop();
    if (r.status === 'feasible') approximate = true;
    space.addBound(weights, r.bound);
    return space.addPlan(r.plan) ?? { plan: r.plan, set: setKey(r.plan), unit: [] };
  };

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
  let reference: PoolPlan;
  const given = options.reference ? space.addPlan(options.reference) : undefined;
  if (given) {
    // Optimal within the gap, as the caller says: its bound follows.
    const v = space.value(given, base);
    space.addBound(base, v + tie(v));
    reference = given;
  } else {
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
  const refSet = setOf(reference.plan);
  const ranges: CriterionRobustness[] = [];
  const counts = new Map(portfolio.projects.map((p) => [p.id, 0]));
  let samples = 0;
  const result = (): RobustnessResult => ({
    scenario: scenario.id,
    plan: reference.plan,
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

  const search: EndSearch = {
    base,
    space,
    reference,
    tolerance,
    solve,
    isStop: (error) => error instanceof Stop,
  };
  const findEnd = (c: number, end: number) => findRangeEnd(search, c, end);

  // ---- the ranges ------------------------------------------------------
  // With several solver threads, every end is searched at once, each solve
  // on one thread; the ends share the pool, so what one learns helps the
  // others. With one, criterion after criterion.
  const ends = base.map((): [RangeEnd | undefined, RangeEnd | undefined] => [undefined, undefined]);
  /** Adds the criteria whose two ends are known, in order; false once stopped. */
  const flush = (): boolean => {
    for (let c = ranges.length; c < n; c++) {
      const [lowEnd, highEnd] = ends[c]!;
      if (!lowEnd || !highEnd) break;
      const criterion = portfolio.criteria[c]!.id;
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
      if (stopped()) return false;
      report('ranges', criterion, true);
    }
    return true;
  };
  const searchEnd = async (c: number, side: 0 | 1) => {
    const e = await findEnd(c, side);
    ends[c]![side] = e;
    stepsDone++;
  };
  if (threads === 1) {
    for (let c = 0; c < n && !stopped(); c++) {
      report('ranges', portfolio.criteria[c]!.id);
      await searchEnd(c, 0);
      report('ranges', portfolio.criteria[c]!.id);
      await searchEnd(c, 1);
      if (!flush()) break;
    }
  } else {
    report('ranges');
    await Promise.all(
      base.flatMap((_, c) => [searchEnd(c, 0).then(flush), searchEnd(c, 1).then(flush)]),
    );
  }

  // ---- stability -------------------------------------------------------
  // Weightings drawn in order (same seed, same samples); each is certified by
  // the pool or solved, on as many threads as there are.
  const random = seededRandom(options.seed ?? 1);
  const kappa = options.concentration ?? DEFAULT_CONCENTRATION;
  const alpha = base.map((w) => Math.max(kappa * w, 0.5));
  const draws = Array.from({ length: sampleCount }, () => dirichlet(alpha, random));
  if (sampleCount > 0 && !stopped()) report('stability');
  let next = 0;
  const sampler = async () => {
    while (next < draws.length && !stopped()) {
      const weights = draws[next++]!;
      const known = space.best(weights);
      let plan: PoolPlan;
      if (known && space.certified(weights, known)) plan = known;
      else {
        try {
          plan = await solve(weights, [reference]);
        } catch (error) {
          if (error instanceof Stop) return;
          throw error;
        }
      }
      samples++;
      for (const id of setOf(plan.plan)) counts.set(id, (counts.get(id) ?? 0) + 1);
      stepsDone++;
      report('stability', undefined, true);
    }
  };
  await Promise.all(Array.from({ length: threads }, sampler));

  complete = !stopped() && ranges.length === n && samples === sampleCount;
  const out = result();
  options.onProgress?.({ phase: 'stability', fraction: 1, solves, partial: out });
  return out;
}
