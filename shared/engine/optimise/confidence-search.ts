/**
 * Local search around a plan that holds (MODEL.md §7, confidence.ts): add a
 * project, start one earlier, or swap one for another of greater
 * objective, as long as the plan keeps every rule of §4 and still holds.
 *
 * Every move is first screened on the joint spend draws (spend-draws.ts):
 * the moved plan's spend quantile of each year, at the holding level,
 * shifted by the gap between the simulation and the draws measured on the
 * current plan (the draws leave out predecessor delays). Only moves
 * predicted to hold are simulated, best objective first; the first one the
 * simulation confirms is taken, and the search starts again from it. The
 * simulation has the last word: no move is kept on the draws' say-so.
 */
import type { PlanEntry } from '../../model/portfolio';
import type { EnvelopeRisk } from '../simulate/envelope';
import { selectQuantiles } from '../simulate/order';
import { checkPreparedPlan } from './check';
import { isRequired, planObjective, type PreparedProblem } from './problem';
import { planSpendInYear, type SpendDraws } from './spend-draws';

export interface SearchContext {
  problem: PreparedProblem;
  draws: SpendDraws;
  /** Quantile level of the holding rule (c + 2σ). */
  level: number;
  /** Simulates a plan: its envelope risk and whether it holds (memoised by the caller). */
  evaluate: (plan: readonly PlanEntry[]) => { risk: EnvelopeRisk; holds: boolean };
  remaining: () => number;
  aborted: () => boolean;
  /** Called with each better plan that holds. */
  onBetter: (plan: PlanEntry[]) => void;
  /** Simulations allowed to reject candidates in a row before the search gives up. */
  maxRejections?: number;
}

interface Move {
  plan: PlanEntry[];
  gain: number;
  /** Horizon years whose spend the move changes. */
  years: number[];
  add: [number, number][];
  remove: [number, number][];
}

/**
 * Makes a plan that does not hold hold, losing as little objective as it
 * can: repeatedly remove a project or start one later (a later start moves
 * its spend towards years with room, or past the horizon), choosing the move
 * that brings the failing years back under their envelope, on the draws, for
 * the least objective; each step is confirmed by the simulation. Returns
 * null when no move helps or time runs out.
 */
export function repair(ctx: SearchContext, start: PlanEntry[]): PlanEntry[] | null {
  const { problem, draws } = ctx;
  const Y = problem.years;
  const cap = problem.investmentCap;
  let plan = start;
  for (let step = 0; step < problem.projects.length; step++) {
    if (ctx.aborted() || ctx.remaining() <= 0.3) return null;
    const { risk, holds } = ctx.evaluate(plan);
    if (holds) return plan;
    const starts = startsOf(problem, plan);
    const sums = Array.from({ length: Y }, (_, t) => planSpendInYear(draws, starts, t));
    const scratch = new Float64Array(draws.draws);
    const quantile = (x: Float64Array) => selectQuantiles(x, x.length, [ctx.level], scratch)[0]!;
    const shift = sums.map((x, t) => risk.quantile[t]! - quantile(x));
    const excess = (t: number, q: number) => Math.max(0, q + shift[t]! - cap[t]!);
    const before = sums.reduce((e, x, t) => e + excess(t, quantile(x)), 0);
    const value = planObjective(problem, plan);
    const moved = new Float64Array(draws.draws);
    let chosen: { plan: PlanEntry[]; score: number } | null = null;
    for (const m of shrinkingMoves(problem, plan, starts)) {
      let after = 0;
      for (let t = 0; t < Y; t++) {
        if (!m.years.includes(t)) {
          after += excess(t, quantile(sums[t]!));
          continue;
        }
        moved.set(sums[t]!);
        for (const [index, s] of m.remove) addDraws(draws, index, t - s, moved, -1);
        for (const [index, s] of m.add) addDraws(draws, index, t - s, moved, 1);
        after += excess(t, quantile(moved));
      }
      const relief = before - after;
      if (relief <= 1e-6) continue;
      if (checkPreparedPlan(problem, m.plan).length > 0) continue;
      // Objective lost per euro of excess removed; fixing everything wins ties.
      const lost = Math.max(0, value - m.gain);
      const score = (lost + 1e-9) / relief - (after <= 1e-6 ? 1e9 : 0);
      if (!chosen || score < chosen.score) chosen = { plan: m.plan, score };
    }
    if (!chosen) return null;
    plan = chosen.plan;
  }
  return null;
}

function startsOf(problem: PreparedProblem, plan: readonly PlanEntry[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const e of plan) {
    const p = problem.byId.get(e.project);
    if (p) starts.set(p.index, e.start - problem.firstYear);
  }
  return starts;
}

/** Removals of optional projects nothing planned depends on, and later starts. */
function shrinkingMoves(
  problem: PreparedProblem,
  plan: readonly PlanEntry[],
  starts: ReadonlyMap<number, number>,
): Move[] {
  const Y = problem.years;
  const value = planObjective(problem, plan);
  const needed = new Set<number>();
  for (const [index] of starts) for (const pi of problem.projects[index]!.dependsOn) needed.add(pi);
  const moves: Move[] = [];
  for (const [index, s] of starts) {
    const p = problem.projects[index]!;
    const rest = plan.filter((e) => e.project !== p.id);
    const years = Array.from({ length: Math.max(0, Y - s) }, (_, i) => s + i);
    if (!isRequired(p) && !needed.has(index)) {
      moves.push({
        plan: rest,
        gain: value - (p.gain[s] ?? 0),
        years,
        add: [],
        remove: [[index, s]],
      });
    }
    for (const s2 of p.starts) {
      if (s2 <= s) continue;
      moves.push({
        plan: [...rest, { project: p.id, start: problem.firstYear + s2 }],
        gain: value - (p.gain[s] ?? 0) + (p.gain[s2] ?? 0),
        years,
        add: [[index, s2]],
        remove: [[index, s]],
      });
    }
  }
  return moves;
}

/** Improves a plan that holds until no screened move is confirmed or time runs out. */
export function searchAround(ctx: SearchContext, start: PlanEntry[]): PlanEntry[] {
  const { problem, draws } = ctx;
  const Y = problem.years;
  let plan = start;
  const rejected = new Set<string>();
  const limit = ctx.maxRejections ?? 6;
  for (;;) {
    if (ctx.aborted() || ctx.remaining() <= 0.3) return plan;
    const base = ctx.evaluate(plan).risk;
    const starts = new Map<number, number>();
    for (const e of plan)
      starts.set(problem.byId.get(e.project)!.index, e.start - problem.firstYear);
    const sums = Array.from({ length: Y }, (_, t) => planSpendInYear(draws, starts, t));
    const scratch = new Float64Array(draws.draws);
    const quantile = (x: Float64Array) => selectQuantiles(x, x.length, [ctx.level], scratch)[0]!;
    // What the draws miss of the simulation, year by year, measured on the current plan.
    const shift = sums.map((s, t) => base.quantile[t]! - quantile(s));
    const cap = problem.investmentCap;
    const value = planObjective(problem, plan);

    const moves = candidateMoves(problem, plan, starts)
      .filter((m) => m.gain > value + 1e-9 && !rejected.has(keyOf(m.plan)))
      .sort((a, b) => b.gain - a.gain);
    const moved = new Float64Array(draws.draws);
    let failures = 0;
    let taken: PlanEntry[] | null = null;
    for (const m of moves) {
      if (ctx.aborted() || ctx.remaining() <= 0.3 || failures >= limit) break;
      const predicted = m.years.every((t) => {
        moved.set(sums[t]!);
        for (const [index, s] of m.remove) addDraws(draws, index, t - s, moved, -1);
        for (const [index, s] of m.add) addDraws(draws, index, t - s, moved, 1);
        return quantile(moved) + shift[t]! <= cap[t]!;
      });
      if (!predicted) continue;
      if (checkPreparedPlan(problem, m.plan).length > 0) continue;
      if (ctx.evaluate(m.plan).holds) {
        taken = m.plan;
        break;
      }
      rejected.add(keyOf(m.plan));
      failures++;
    }
    if (!taken) return plan;
    plan = taken;
    ctx.onBetter(plan);
  }
}

function addDraws(d: SpendDraws, index: number, k: number, out: Float64Array, sign: number): void {
  const r = d.row[index]!;
  if (r < 0 || k < 0 || k >= d.years) return;
  const base = (r * d.years + k) * d.draws;
  for (let n = 0; n < d.draws; n++) out[n]! += sign * d.spend[base + n]!;
}

const keyOf = (plan: readonly PlanEntry[]) =>
  plan
    .map((e) => `${e.project}@${e.start}`)
    .sort()
    .join(',');

/** Adds, earlier starts and one-for-one swaps, with the plan's objective after each. */
function candidateMoves(
  problem: PreparedProblem,
  plan: readonly PlanEntry[],
  starts: ReadonlyMap<number, number>,
): Move[] {
  const Y = problem.years;
  const { firstYear } = problem;
  const value = planObjective(problem, plan);
  const gainOf = (index: number, s: number) => problem.projects[index]!.gain[s] ?? 0;
  /** The years a project started in s can change: s to the horizon's end. */
  const span = (s: number) => Array.from({ length: Math.max(0, Y - s) }, (_, i) => s + i);
  const entry = (index: number, s: number): PlanEntry => ({
    project: problem.projects[index]!.id,
    start: firstYear + s,
  });
  const without = (index: number) => plan.filter((e) => e.project !== problem.projects[index]!.id);
  const moves: Move[] = [];
  const outside = problem.projects.filter((p) => !starts.has(p.index) && !p.forcedOut);
  for (const p of outside) {
    for (const s of p.starts) {
      moves.push({
        plan: [...plan, entry(p.index, s)],
        gain: value + gainOf(p.index, s),
        years: span(s),
        add: [[p.index, s]],
        remove: [],
      });
    }
  }
  for (const [index, s] of starts) {
    const p = problem.projects[index]!;
    for (const s2 of p.starts) {
      if (s2 >= s) continue;
      moves.push({
        plan: [...without(index), entry(index, s2)],
        gain: value - gainOf(index, s) + gainOf(index, s2),
        years: span(s2),
        add: [[index, s2]],
        remove: [[index, s]],
      });
    }
  }
  for (const [index, s] of starts) {
    const q = problem.projects[index]!;
    if (isRequired(q)) continue;
    for (const p of outside) {
      for (const s2 of p.starts) {
        const gain = value - gainOf(index, s) + gainOf(p.index, s2);
        if (gain <= value + 1e-9) continue;
        moves.push({
          plan: [...without(index), entry(p.index, s2)],
          gain,
          years: span(Math.min(s, s2)),
          add: [[p.index, s2]],
          remove: [[index, s]],
        });
      }
    }
  }
  return moves;
}
