/**
 * Draws of each candidate project's net investment spend, year by year, for
 * the confidence method of MODEL.md §7 (confidence.ts).
 *
 * For `draws` joint draws of the risk laws of §5 (the same laws, copula and
 * black swan as the simulation, through `prepareSimulation`), each candidate
 * project's net spend in each year *of its own life* (year k after its
 * start, the project started on 1 January, no predecessor delay), so that a
 * start in horizon year s puts draw n's year-k spend in calendar year s + k.
 * Projects share the copula's common factors draw by draw, so sums over a
 * plan have the right dependence. Net spend is `total × (K × (1 −
 * partnerShare) − subsidyRate)`, spread over the planned CP profile
 * stretched over the drawn duration, as in §5; year k receives the share of
 * the profile that falls in months [12k, 12k + 12).
 *
 * From the draws: each project-year's mean, and its covariance with the
 * spend of a whole plan in a calendar year — the risk contribution that
 * makes the linear rows of confidence.ts prefer projects whose costs are
 * less uncertain or less correlated with the rest of the plan. Memory:
 * candidates × years × draws float32s (60 × 6 × 2 000 = 2.9 MB).
 */
import type { Portfolio } from '../../model/portfolio';
import { readTable } from '../simulate/distributions';
import { prepareSimulation } from '../simulate/prepare';
import { nextInt32, nextZiggurat } from '../simulate/normal';
import { seedIteration, seedKeys } from '../simulate/random';
import type { PreparedProblem } from './problem';

export interface SpendDraws {
  draws: number;
  years: number;
  /** Problem project index of each candidate row. */
  projects: number[];
  /** Row of each problem project (-1 when it has no start). */
  row: Int32Array;
  /** spend[(row × years + k) × draws + n]: net spend of the candidate in its year k, draw n. */
  spend: Float32Array;
  /** mean[row × years + k]. */
  mean: Float64Array;
}

/**
 * Share of a CP profile spent by the fraction u ∈ [0, 1] of the build; the
 * profile is n + 1 cumulative shares from 0 to 1 at the planned year
 * boundaries (`PreparedSimulation.profile`), spent evenly within each year.
 */
export function profileShareAt(
  cumulative: ArrayLike<number>,
  from: number,
  n: number,
  u: number,
): number {
  if (u <= 0) return 0;
  if (u >= 1) return 1;
  const x = u * n;
  const k = Math.floor(x);
  const before = cumulative[from + k]!;
  const after = cumulative[from + k + 1]!;
  return before + (x - k) * (after - before);
}

const TWO_POW_M32 = 1 / 4294967296;

export function drawSpends(problem: PreparedProblem, draws: number, seed: number): SpendDraws {
  const Y = problem.years;
  const projects = problem.projects.filter((p) => p.starts.length > 0).map((p) => p.index);
  const row = new Int32Array(problem.projects.length).fill(-1);
  projects.forEach((index, r) => (row[index] = r));
  // The laws as the simulation prepares them: every candidate planned at the
  // first year, dependencies left out (no delay is drawn here).
  const stripped: Portfolio = {
    ...problem.portfolio,
    projects: projects.map((i) => ({ ...problem.projects[i]!.project, dependsOn: [] })),
  };
  const prepared = prepareSimulation(
    stripped,
    projects.map((i) => ({ project: problem.projects[i]!.id, start: problem.firstYear })),
    problem.scenario,
  );
  const C = projects.length;
  const spend = new Float32Array(C * Y * draws);
  const sum = new Float64Array(C * Y);
  const keys = seedKeys(seed);
  const state = new Int32Array(4);
  const words = new Uint32Array(state.buffer);
  const normal = () => nextZiggurat(state);
  const uniform = () => ((nextInt32(state) >>> 0) + 0.5) * TWO_POW_M32;
  const {
    durationLow,
    durationRange,
    durationTable,
    costLow,
    costRange,
    costTable,
    tables,
    plannedCost,
    ownShare,
    subsidyRate,
    profileStart,
    profile,
    sqrtRho,
    sqrtOneMinusRho,
    swanProbability,
    swanSchedule,
    swanCost,
  } = prepared;
  for (let n = 0; n < draws; n++) {
    seedIteration(words, keys, n);
    const commonDuration = sqrtRho * normal();
    const commonCost = sqrtRho * normal();
    for (let c = 0; c < C; c++) {
      const zd = commonDuration + sqrtOneMinusRho * normal();
      const zk = commonCost + sqrtOneMinusRho * normal();
      let d = durationLow[c]! + durationRange[c]! * readTable(tables, durationTable[c]!, zd);
      let k = costLow[c]! + costRange[c]! * readTable(tables, costTable[c]!, zk);
      if (uniform() < swanProbability) {
        d *= swanSchedule;
        k *= swanCost;
      }
      const net = plannedCost[c]! * (k * ownShare[c]! - subsidyRate[c]!);
      const from = profileStart[c]!;
      const count = profileStart[c + 1]! - from - 1;
      let before = 0;
      for (let y = 0; y < Y; y++) {
        const after = d > 0 ? profileShareAt(profile, from, count, (12 * (y + 1)) / d) : 1;
        const amount = net * (after - before);
        before = after;
        const at = (c * Y + y) * draws + n;
        spend[at] = amount;
        sum[c * Y + y]! += amount;
        if (after >= 1) break;
      }
    }
  }
  const mean = sum.map((s) => s / draws);
  return { draws, years: Y, projects, row, spend, mean };
}

/** The spend draws of a plan (problem project index → start index) in calendar year t. */
export function planSpendInYear(
  d: SpendDraws,
  starts: ReadonlyMap<number, number>,
  t: number,
  out: Float64Array = new Float64Array(d.draws),
): Float64Array {
  out.fill(0);
  for (const [index, s] of starts) {
    const r = d.row[index]!;
    const k = t - s;
    if (r < 0 || k < 0 || k >= d.years) continue;
    const base = (r * d.years + k) * d.draws;
    for (let n = 0; n < d.draws; n++) out[n]! += d.spend[base + n]!;
  }
  return out;
}

/** Mean and standard deviation of a sample. */
export function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let q = 0;
  for (let i = 0; i < n; i++) q += (x[i]! - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(q / (n - 1)) : 0 };
}

/**
 * Covariance of candidate `r`'s year-k spend with a sample `total` (of
 * mean `totalMean`), over the draws.
 */
export function covarianceWith(
  d: SpendDraws,
  r: number,
  k: number,
  total: Float64Array,
  totalMean: number,
): number {
  const base = (r * d.years + k) * d.draws;
  const m = d.mean[r * d.years + k]!;
  let s = 0;
  for (let n = 0; n < d.draws; n++) s += (d.spend[base + n]! - m) * (total[n]! - totalMean);
  return d.draws > 1 ? s / (d.draws - 1) : 0;
}

/** Standard deviation of candidate `r`'s year-k spend. */
export function spendSd(d: SpendDraws, r: number, k: number): number {
  const base = (r * d.years + k) * d.draws;
  const m = d.mean[r * d.years + k]!;
  let q = 0;
  for (let n = 0; n < d.draws; n++) q += (d.spend[base + n]! - m) ** 2;
  return d.draws > 1 ? Math.sqrt(q / (d.draws - 1)) : 0;
}
