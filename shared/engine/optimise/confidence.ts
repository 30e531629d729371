/**
 * Plans that hold under risk (MODEL.md §7): the plan of greatest objective
 * whose net investment spend stays within every year's envelope with
 * probability at least c, checked by the risk simulation of §5, and that
 * keeps every rule of §4.
 *
 * **Holding.** A plan holds when, for every horizon year t, the simulated
 * P(spend_t > envelope_t), over `iterations` (≥ 10 000) draws of `seed`,
 * is at most `1 − c − 2σ` with σ = √(c(1 − c)/iterations): the two standard
 * errors make a plan accepted with one seed hold with another.
 *
 * **Method: adaptive per-year risk rows.** The deterministic optimum comes
 * first (it is the bound: no plan that holds can beat it, and when it holds
 * it is the answer). Then each round adds, for each year t, one linear row
 * to the model of §4:
 *
 *     Σ x[p,s] × (μ[p,t−s] + z_t × r[p,s,t]) <= envelope_t
 *
 * where μ is the project's mean net spend in that year of its life and r its
 * contribution to the risk of year t, both from joint draws of the risk laws
 * (spend-draws.ts): r = cov(spend of p, spend of the current plan) / σ(plan),
 * plus half its own variance over σ(plan) when p is not in the plan yet. A
 * project whose cost is uncertain, or moves with the rest of the plan, costs
 * more room than its mean. z_t is set from the last plan's simulated spend so
 * that the row equals that plan's quantile at level c + 2σ: the row binds
 * where the simulation says the year is at risk, and frees room where it is
 * safe (typically the first year, which nothing slips into, and the last ones,
 * whose late spend leaves the horizon). A year that failed gets a larger z_t.
 * Rounds stop when the plan repeats, when time is out, or after MAX_ROUNDS;
 * the best plan that held is kept.
 *
 * **Uniform-margin baseline.** Every investment envelope scaled by one factor
 * k on a 0.025 grid: the largest k whose optimal plan holds, found by stepping
 * down from 1 with doubling steps, then bisection between the last failing and
 * the first holding factor. It is reported, and its plan is a candidate, so
 * the method never returns less than the baseline it computes.
 *
 * The result states what it knows: each year's P(over) and standard error,
 * iterations and seed, the deterministic optimum and the price of confidence
 * `1 − objective / deterministic`, the baseline, and a status `optimal` only
 * when the deterministic optimum itself holds (otherwise `feasible`, with the
 * deterministic bound).
 */
import type { Highs } from 'highs';
import type { PlanEntry } from '../../model/portfolio';
import { envelopeRisk, type EnvelopeRisk } from '../simulate/envelope';
import { prepareSimulation } from '../simulate/prepare';
import { checkPreparedPlan } from './check';
import { repair, searchAround } from './confidence-search';
import { runModel } from './highs';
import { buildModel, columnsToPlan, planToColumns, type BuiltModel, type ModelRow } from './model';
import { planObjective, type PreparedProblem } from './problem';
import {
  covarianceWith,
  drawSpends,
  meanSd,
  planSpendInYear,
  spendSd,
  type SpendDraws,
} from './spend-draws';

export const DEFAULT_CONFIDENCE_ITERATIONS = 20_000;
export const MIN_CONFIDENCE_ITERATIONS = 10_000;
export const DEFAULT_CONFIDENCE_SEED = 42;
/** Joint draws of the candidates' spend used to shape the rows (not to check plans). */
export const SPEND_DRAWS = 2_000;
export const MAX_ROUNDS = 12;
export const BASELINE_STEP = 0.025;
/** Each intermediate solve stops at this gap or time: the plans are candidates, not proofs. */
export const SOLVE_GAP = 0.01;
export const SOLVE_SECONDS = 2;

export interface ConfidenceReport {
  /** c */
  target: number;
  iterations: number;
  seed: number;
  /** Simulated P(net spend > envelope) of each horizon year, for the returned plan. */
  pOverEnvelope: number[];
  stdError: number[];
  /** Whether the returned plan holds the target (false only when no plan was found that does). */
  holds: boolean;
  /** The deterministic optimum (§4), the bound of every plan that holds. */
  deterministicObjective: number;
  /** 1 − objective / deterministic objective. */
  priceOfConfidence: number;
  uniformBaseline: { factor: number; objective: number } | null;
  /** Which candidate the plan comes from. */
  source: 'deterministic' | 'adaptive' | 'baseline' | 'none';
  rounds: number;
}

/** What the caller of `holdPlan` provides: solves with scaled envelopes, progress, time. */
export interface ConfidenceContext {
  highs: Highs;
  problem: PreparedProblem;
  target: number;
  iterations: number;
  seed: number;
  /** The deterministic result (plan, objective, proven bound, whether proven). */
  deterministic: { plan: PlanEntry[]; objective: number; bound: number; proven: boolean };
  /** Plans to try as they are (e.g. a stricter confidence's plan, which holds here too). */
  candidates?: readonly (readonly PlanEntry[])[];
  /** Best plan at envelopes scaled by k (the optimiser of §4 on the scaled scenario). */
  solveScaled: (factor: number, timeLimitSeconds: number) => Promise<PlanEntry[] | null>;
  /** Seconds left for the whole optimisation. */
  remaining: () => number;
  aborted: () => boolean;
  onPlan?: (plan: PlanEntry[], objective: number, note: string) => void;
  /** Each plan simulated, in words (for progress and logs). */
  onStep?: (line: string) => void;
}

export interface HeldPlan {
  plan: PlanEntry[];
  objective: number;
  report: ConfidenceReport;
}

/** Two standard errors of a probability at the target's boundary. */
export function holdingMargin(target: number, iterations: number): number {
  return 2 * Math.sqrt((target * (1 - target)) / iterations);
}

/** Whether a simulated envelope risk holds the target (see the header). */
export function holdsTarget(risk: EnvelopeRisk, target: number): boolean {
  const limit = 1 - target - holdingMargin(target, risk.iterations);
  return risk.pOver.every((p) => p <= limit + 1e-12);
}

/** The yearly envelope risk of a plan, simulated. */
export function planEnvelopeRisk(
  problem: PreparedProblem,
  plan: readonly PlanEntry[],
  iterations: number,
  seed: number,
  level: number,
): EnvelopeRisk {
  const prepared = prepareSimulation(problem.portfolio, plan, problem.scenario);
  return envelopeRisk(prepared, { iterations, seed, level });
}

const planKey = (plan: readonly PlanEntry[]) =>
  plan
    .map((e) => `${e.project}@${e.start}`)
    .sort()
    .join(',');

export async function holdPlan(ctx: ConfidenceContext): Promise<HeldPlan> {
  const { problem, target, iterations, seed } = ctx;
  const level = Math.min(0.999, target + holdingMargin(target, iterations));
  const check = (plan: readonly PlanEntry[]) =>
    planEnvelopeRisk(problem, plan, iterations, seed, level);
  const tried = new Map<string, { risk: EnvelopeRisk; holds: boolean }>();
  const evaluate = (plan: readonly PlanEntry[]) => {
    const key = planKey(plan);
    let known = tried.get(key);
    if (!known) {
      const risk = check(plan);
      known = { risk, holds: holdsTarget(risk, target) };
      tried.set(key, known);
    }
    return known;
  };

  let best: { plan: PlanEntry[]; objective: number; source: ConfidenceReport['source'] } | null =
    null;
  const offer = (plan: PlanEntry[], source: ConfidenceReport['source'], note: string) => {
    if (checkPreparedPlan(problem, plan).length > 0) return false;
    const { holds, risk } = evaluate(plan);
    const worst = Math.max(0, ...risk.pOver);
    ctx.onStep?.(
      `${note} : ${planObjective(problem, plan).toFixed(1).replace('.', ',')} points, ${holds ? 'tient' : 'ne tient pas'} (année la plus exposée : ${(100 * worst).toFixed(1).replace('.', ',')} % de risque de dépassement)`,
    );
    if (!holds) return false;
    const objective = planObjective(problem, plan);
    if (!best || objective > best.objective + 1e-9) {
      best = { plan, objective, source };
      ctx.onPlan?.(plan, objective, note);
    }
    return true;
  };

  const det = ctx.deterministic;
  let rounds = 0;
  let baseline: ConfidenceReport['uniformBaseline'] = null;
  const total = ctx.remaining();
  /** Stops a phase once this share of the time given to the method is spent. */
  const until = (share: number) => () => ctx.remaining() - total * (1 - share);
  for (const plan of ctx.candidates ?? []) offer([...plan], 'adaptive', 'plan proposé');
  if (offer(det.plan, 'deterministic', 'le plan optimal tient déjà les enveloppes')) {
    baseline = { factor: 1, objective: det.objective };
  } else {
    const draws = drawSpends(problem, SPEND_DRAWS, seed + 1);
    const searchContext = (share: number, source: ConfidenceReport['source']) => ({
      problem,
      draws,
      level,
      evaluate,
      remaining: until(share),
      aborted: ctx.aborted,
      onBetter: (plan: PlanEntry[]) => offer(plan, source, 'recherche locale'),
    });
    const search = (from: PlanEntry[], source: ConfidenceReport['source'], share: number) =>
      searchAround(searchContext(share, source), from);
    rounds = await adaptiveRounds(
      { ...ctx, remaining: until(0.55) },
      draws,
      evaluate,
      (plan, round) => {
        if (offer(plan, 'adaptive', `tour ${round} des marges par année`)) return;
        // A round's plan that fails a year or two is often one move from holding.
        const repaired = repair(searchContext(0.6, 'adaptive'), plan);
        if (repaired) offer(repaired, 'adaptive', `tour ${round}, réparé`);
      },
    );
    const current = () => (best as { plan: PlanEntry[] } | null)?.plan;
    const first = current();
    if (first) search(first, 'adaptive', 0.8);
    baseline = await uniformBaseline(ctx, (plan, k) =>
      offer(plan, 'baseline', `marge uniforme : enveloppes × ${k.toFixed(3)}`),
    );
    const after = current();
    if (after && after !== first) search(after, 'adaptive', 1);
  }

  const chosen = best as {
    plan: PlanEntry[];
    objective: number;
    source: ConfidenceReport['source'];
  } | null;
  const order = new Map(problem.projects.map((p) => [p.id, p.index]));
  const plan = [...(chosen?.plan ?? [])].sort(
    (a, b) => a.start - b.start || (order.get(a.project) ?? 0) - (order.get(b.project) ?? 0),
  );
  const risk = evaluate(plan).risk;
  const objective = chosen?.objective ?? 0;
  return {
    plan,
    objective,
    report: {
      target,
      iterations,
      seed,
      pOverEnvelope: risk.pOver,
      stdError: risk.stdError,
      holds: chosen !== null,
      // A plan that holds keeps every rule of §4: the deterministic optimum is at least its objective.
      deterministicObjective: Math.max(det.objective, objective),
      priceOfConfidence:
        det.objective > 0 ? Math.max(0, 1 - objective / Math.max(det.objective, objective)) : 0,
      uniformBaseline: baseline,
      source: chosen?.source ?? 'none',
      rounds,
    },
  };
}

/** The uniform-margin baseline of §7 (see the header); its plans are offered as they are found. */
async function uniformBaseline(
  ctx: ConfidenceContext,
  offer: (plan: PlanEntry[], factor: number) => boolean,
): Promise<{ factor: number; objective: number } | null> {
  const steps = Math.round(1 / BASELINE_STEP);
  const results = new Map<number, { plan: PlanEntry[] | null; holds: boolean }>();
  const budget = () => Math.max(0.5, Math.min(ctx.remaining() / 8, SOLVE_SECONDS));
  const at = async (i: number) => {
    let known = results.get(i);
    if (!known) {
      const factor = i / steps;
      const plan = await ctx.solveScaled(factor, budget());
      const holds = plan !== null && offer(plan, factor);
      known = { plan, holds };
      results.set(i, known);
    }
    return known;
  };
  // Step down from 1 (index `steps`, known to fail) with doubling steps.
  let failing = steps;
  let holding = -1;
  for (let step = 1; ; step *= 2) {
    const i = Math.max(0, failing - step);
    if (ctx.aborted() || ctx.remaining() <= 0.5) break;
    if ((await at(i)).holds) {
      holding = i;
      break;
    }
    failing = i;
    if (i === 0) break;
  }
  // Bisection between the last failing and the first holding index.
  while (holding >= 0 && failing - holding > 1 && !ctx.aborted() && ctx.remaining() > 0.5) {
    const mid = (failing + holding) >> 1;
    if ((await at(mid)).holds) holding = mid;
    else failing = mid;
  }
  if (holding < 0) return null;
  const plan = results.get(holding)!.plan!;
  return { factor: holding / steps, objective: planObjective(ctx.problem, plan) };
}

/** The rounds of adaptive per-year rows; returns the number of rounds run. */
async function adaptiveRounds(
  ctx: ConfidenceContext,
  draws: SpendDraws,
  evaluate: (plan: readonly PlanEntry[]) => { risk: EnvelopeRisk; holds: boolean },
  offer: (plan: PlanEntry[], round: number) => void,
): Promise<number> {
  const { problem } = ctx;
  const Y = problem.years;
  if (ctx.aborted() || ctx.remaining() <= 0.5) return 0;
  const model = buildModel(problem);
  const z = new Array<number>(Y).fill(0);
  let current = ctx.deterministic.plan;
  calibrate(problem, draws, current, evaluate(current).risk, z, ctx.target);
  const seen = new Set<string>([planKey(current)]);
  let rounds = 0;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    if (ctx.aborted() || ctx.remaining() <= 0.5) break;
    rounds = round;
    const rows = riskRows(problem, model, draws, current, z);
    const extended: BuiltModel = { ...model, rows: [...model.rows, ...rows] };
    const plan = solve(ctx, extended, current);
    if (!plan) break;
    offer(plan, round);
    const key = planKey(plan);
    const repeated = seen.has(key);
    seen.add(key);
    calibrate(problem, draws, plan, evaluate(plan).risk, z, ctx.target);
    current = plan;
    if (repeated) break;
  }
  return rounds;
}

/**
 * Sets z_t so that the row of year t equals the plan's simulated spend
 * quantile (at the level `risk` was computed at: c + 2σ); a year the plan
 * does not hold never loosens.
 */
function calibrate(
  problem: PreparedProblem,
  draws: SpendDraws,
  plan: readonly PlanEntry[],
  risk: EnvelopeRisk,
  z: number[],
  target: number,
): void {
  const starts = startsOf(problem, plan);
  const total = new Float64Array(draws.draws);
  const limit = 1 - target - holdingMargin(target, risk.iterations);
  for (let t = 0; t < problem.years; t++) {
    planSpendInYear(draws, starts, t, total);
    const { mean, sd } = meanSd(total);
    if (!(sd > 0)) continue;
    const fitted = (risk.quantile[t]! - mean) / sd;
    const failed = risk.pOver[t]! > limit + 1e-12;
    // A failing year tightens at once; a year with room loosens halfway, so
    // that years sharing multi-year projects do not swing back and forth.
    z[t] = failed ? Math.max(fitted, z[t]! + 0.25) : 0.5 * (z[t]! + fitted);
  }
}

function startsOf(problem: PreparedProblem, plan: readonly PlanEntry[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const e of plan) {
    const p = problem.byId.get(e.project);
    if (p) starts.set(p.index, e.start - problem.firstYear);
  }
  return starts;
}

/** One row per year: Σ x × (μ + z_t × r) <= envelope_t (see the header). */
function riskRows(
  problem: PreparedProblem,
  model: BuiltModel,
  draws: SpendDraws,
  plan: readonly PlanEntry[],
  z: readonly number[],
): ModelRow[] {
  const Y = problem.years;
  const starts = startsOf(problem, plan);
  const total = new Float64Array(draws.draws);
  const rows: ModelRow[] = [];
  for (let t = 0; t < Y; t++) {
    planSpendInYear(draws, starts, t, total);
    const { mean: totalMean, sd } = meanSd(total);
    const indices: number[] = [];
    const values: number[] = [];
    model.columns.forEach(({ project, start: s }, j) => {
      const k = t - s;
      const r = draws.row[project]!;
      if (k < 0 || k >= Y || r < 0) return;
      const mu = draws.mean[r * Y + k]!;
      let risk: number;
      if (sd > 0) {
        const cov = covarianceWith(draws, r, k, total, totalMean);
        const inPlan = starts.get(project) === s;
        const own = inPlan ? 0 : spendSd(draws, r, k) ** 2 / 2;
        risk = (cov + own) / sd;
      } else {
        risk = spendSd(draws, r, k);
      }
      const a = mu + (z[t] ?? 0) * risk;
      if (a !== 0) {
        indices.push(j);
        values.push(a);
      }
    });
    if (indices.length === 0) continue;
    rows.push({
      rule: { kind: 'investment', t },
      lower: -Infinity,
      upper: problem.investmentCap[t]!,
      relaxedLower: -Infinity,
      relaxedUpper: Infinity,
      indices,
      values,
    });
  }
  return rows;
}

/** Solves an extended model, starting from `hint` when it fits its rows. */
function solve(
  ctx: ConfidenceContext,
  model: BuiltModel,
  hint: readonly PlanEntry[],
): PlanEntry[] | null {
  const { problem } = ctx;
  const start = planToColumns(problem, model, hint);
  const fitsRows = model.rows.every((row) => {
    let activity = 0;
    row.indices.forEach((j, i) => (activity += row.values[i]! * start[j]!));
    return activity >= row.lower - 1e-9 && activity <= row.upper + 1e-7 * Math.max(1, row.upper);
  });
  const cb = ctx.highs.constants.callbackType;
  const out = runModel(ctx.highs, model, {
    timeLimitSeconds: Math.max(0.2, Math.min(ctx.remaining() - 0.3, SOLVE_SECONDS)),
    gap: SOLVE_GAP,
    start: fitsRows ? start : undefined,
    callbacks: {
      [cb.mipInterrupt]: (event) => {
        if (ctx.aborted()) event.interrupt();
        return undefined;
      },
    },
  });
  if (!out.values) return null;
  return columnsToPlan(problem, model, out.values);
}
