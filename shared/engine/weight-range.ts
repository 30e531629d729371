/**
 * One end of a criterion's weight range (robustness.ts): from the criterion's
 * current share towards 0 or 1, the first share where the optimal set of
 * projects changes, found with the pool of plans and bounds
 * (weight-space.ts) and confirmed just inside and just outside, each by a
 * certificate or a solve. The method is described in robustness.ts.
 */
import type { PlanEntry } from '../model/portfolio';
import type { PoolPlan, WeightSpace } from './weight-space';

/** How far inside and outside an end its confirmations are made. */
export const DELTA = 1e-5;
/** Solves per end led by the pool before falling back to bisection. */
const SOLVES_PER_END = 16;

export interface RangeEnd {
  bound: number;
  entering: string[];
  leaving: string[];
  exact: boolean;
}

/** What the search of an end needs from the analysis. */
export interface EndSearch {
  /** The current normalised weights. */
  base: readonly number[];
  space: WeightSpace;
  /** The plan optimal at `base`. */
  reference: PoolPlan;
  /** Interval at which a bisection stops. */
  tolerance: number;
  /** The optimal plan at these weights, pooled, its bound recorded. */
  solve: (weights: number[], hints: readonly PoolPlan[]) => Promise<PoolPlan>;
  /** Whether a solve's error means "stopped": the end then reports what is known. */
  isStop: (error: unknown) => boolean;
  /** Solves led by the pool before falling back to bisection (default 16). */
  maxSolves?: number;
}

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

const setOf = (plan: readonly PlanEntry[]) => [...new Set(plan.map((e) => e.project))].sort();

/** One end of criterion c's range: walk from its share towards `end` (0 or 1). */
export async function findRangeEnd(search: EndSearch, c: number, end: number): Promise<RangeEnd> {
  const { base, space, reference, tolerance, solve, isStop } = search;
  const n = base.length;
  const tie = space.tie;
  const ours = (p: PoolPlan) => p.set === reference.set;
  const refSet = setOf(reference.plan);
  const changes = (other: PoolPlan) => {
    const otherSet = setOf(other.plan);
    return {
      entering: otherSet.filter((p) => !refSet.includes(p)),
      leaving: refSet.filter((p) => !otherSet.includes(p)),
    };
  };
  const w0 = base[c]!;
  const none: RangeEnd = { bound: end, entering: [], leaving: [], exact: true };
  if (Math.abs(end - w0) < 1e-12 || n === 1) return none;
  const dir = end > w0 ? 1 : -1;
  const at = (t: number) => weightsAt(base, c, t);
  /** Farthest share (towards `end`) known to keep the set; nearest known to change it. */
  let inside = w0;
  let outside: { t: number; plan: PoolPlan } | undefined;
  const beyond = (t: number, from: number) => (t - from) * dir > 0;
  /** Records what a solve at t proved about the set there. */
  const learn = (t: number, plan: PoolPlan) => {
    const w = at(t);
    const ourBest = space.best(w, ours);
    const mine =
      ours(plan) ||
      (ourBest !== undefined &&
        space.value(plan, w) <= space.value(ourBest, w) + tie(space.value(ourBest, w)));
    if (mine) {
      if (beyond(t, inside)) inside = t;
    } else if (!outside || beyond(outside.t, t)) outside = { t, plan };
  };
  /** The current set is optimal at t, by a certificate. */
  const oursAt = (t: number) => {
    const best = space.best(at(t), ours);
    return best !== undefined && space.certified(at(t), best);
  };
  /** A plan of another set optimal at t and beating ours by more than the tie, by a certificate. */
  const otherAt = (t: number): PoolPlan | undefined => {
    const w = at(t);
    const best = space.best(w);
    const ourBest = space.best(w, ours);
    if (!best || ours(best) || !ourBest) return undefined;
    const gain = space.value(best, w) - space.value(ourBest, w);
    return gain > tie(space.value(ourBest, w)) && space.certified(w, best) ? best : undefined;
  };
  try {
    let endSolved = false;
    const solvedAt = new Set<number>();
    for (let k = 0; k < (search.maxSolves ?? SOLVES_PER_END); k++) {
      const limit = outside ? outside.t : end;
      const candidate = space.firstChange(at, inside, limit, reference.set);
      if (candidate === undefined) {
        // The pool sees no change before `end`: true if the end itself keeps the set.
        if (outside) break;
        if (endSolved) return none;
        learn(end, await solve(at(end), [reference]));
        endSolved = true;
        if (!outside) return none;
        continue;
      }
      const tIn = beyond(candidate - dir * DELTA, inside) ? candidate - dir * DELTA : inside;
      const tOut = beyond(end, candidate + dir * DELTA) ? candidate + dir * DELTA : end;
      const okIn = tIn === inside || oursAt(tIn);
      const other = otherAt(tOut);
      if (okIn && other) return { bound: candidate, ...changes(other), exact: true };
      // Solve where the most is learnt: the candidate first (two lines cross there), then
      // whichever confirmation is missing; a point already solved is not solved again.
      const t = [candidate, ...(other ? [] : [tOut]), ...(okIn ? [] : [tIn])].find(
        (x) => !solvedAt.has(x),
      );
      if (t === undefined) break;
      solvedAt.add(t);
      learn(t, await solve(at(t), [reference]));
    }
    // The pool did not settle: bisect between what is known, down to the tolerance.
    if (!outside && !endSolved) learn(end, await solve(at(end), [reference]));
    if (!outside) return inside === end ? none : { ...none, bound: inside, exact: false };
    for (let k = 0; k < 60 && Math.abs(outside.t - inside) > tolerance; k++) {
      const t = (inside + outside.t) / 2;
      learn(t, await solve(at(t), [reference, outside.plan]));
    }
    return { bound: inside, ...changes(outside.plan), exact: false };
  } catch (error) {
    if (!isStop(error)) throw error;
    return outside
      ? { bound: inside, ...changes(outside.plan), exact: false }
      : { ...none, bound: inside, exact: false };
  }
}
