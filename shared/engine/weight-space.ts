/**
 * What the robustness analysis (robustness.ts) knows between solves, in the
 * space of criteria weights: the plans met during the solves, and the bounds
 * the solves proved.
 *
 * A plan's objective is linear in the normalised weights (MODEL.md §3–4):
 * `f_P(w) = Σ_c w_c a_c(P)`, where `a_c(P)` is its objective when criterion
 * c has all the weight. The optimum `OPT(w) = max_P f_P(w)` is therefore
 * convex in w, and a bound `B_i ≥ OPT(w_i)` proven at a few weightings
 * bounds it at any of their convex combinations:
 * `OPT(Σ λ_i w_i) ≤ Σ λ_i B_i`. A plan of the pool whose objective at w
 * reaches the smallest such bound (within the tie tolerance) is optimal at w
 * without a solve: that is a certificate. (The hull bound is a small linear
 * programme over the λ_i, solved by HiGHS.)
 *
 * Along one criterion's line `w(t) = weightsAt(base, c, t)` every plan's
 * objective is affine in t, so where another set of projects first beats the
 * reference set (by more than the tie) is read off the pool's lines:
 * `firstChange`. That is the candidate end the robustness analysis then
 * confirms by solving.
 */
import type { Highs } from 'highs';
import type { PlanEntry, Portfolio, ResolvedScenario } from '../model/portfolio';
import { checkPreparedPlan } from './optimise/check';
import { planObjective, prepareProblem, type PreparedProblem } from './optimise/problem';

export interface PoolPlan {
  plan: PlanEntry[];
  /** Sorted project ids, joined: plans with the same key choose the same projects. */
  set: string;
  /** Objective per unit weight of each criterion (`a_c`). */
  unit: number[];
}

interface Bound {
  w: number[];
  bound: number;
}

const planKey = (plan: readonly PlanEntry[]) =>
  plan
    .map((e) => `${e.project}@${e.start}`)
    .sort()
    .join(' ');

/** The set of projects of a plan, as a key. */
export const setKey = (plan: readonly PlanEntry[]): string =>
  [...new Set(plan.map((e) => e.project))].sort().join(' ');

export class WeightSpace {
  private readonly units: PreparedProblem[];
  private readonly plans = new Map<string, PoolPlan>();
  private readonly bounds: Bound[] = [];
  /** Largest objective any plan can have at any weighting (for the rounding slack). */
  private readonly ceiling: number;

  /**
   * @param tie the tolerance within which two objectives count as equal
   *   (the solver's gap: `gap × |value| + 1e-6`).
   */
  constructor(
    private readonly highs: Highs,
    portfolio: Portfolio,
    scenario: ResolvedScenario,
    readonly tie: (value: number) => number,
  ) {
    this.units = portfolio.criteria.map((_, c) =>
      prepareProblem(
        {
          ...portfolio,
          criteria: portfolio.criteria.map((x, k) => ({ ...x, weight: k === c ? 1 : 0 })),
        },
        scenario,
      ),
    );
    // Every score is at most 5, so a project is worth at most 100 points.
    this.ceiling = 100 * portfolio.projects.length;
  }

  get size(): number {
    return this.plans.size;
  }

  /** Adds a plan met during a solve, if it keeps every rule; returns it as pooled. */
  addPlan(plan: readonly PlanEntry[]): PoolPlan | undefined {
    const key = planKey(plan);
    const known = this.plans.get(key);
    if (known) return known;
    const first = this.units[0];
    if (first && checkPreparedPlan(first, plan).length > 0) return undefined;
    const pooled: PoolPlan = {
      plan: [...plan],
      set: setKey(plan),
      unit: this.units.map((u) => planObjective(u, plan)),
    };
    this.plans.set(key, pooled);
    return pooled;
  }

  /** Records that no plan beats `bound` at the weighting `w`. */
  addBound(w: readonly number[], bound: number): void {
    if (!Number.isFinite(bound)) return;
    const same = this.bounds.find((b) => b.w.every((x, k) => Math.abs(x - (w[k] ?? 0)) < 1e-15));
    if (same) same.bound = Math.min(same.bound, bound);
    else this.bounds.push({ w: [...w], bound });
  }

  value(p: PoolPlan, w: readonly number[]): number {
    let v = 0;
    for (let c = 0; c < p.unit.length; c++) v += (w[c] ?? 0) * (p.unit[c] as number);
    return v;
  }

  /** The pooled plan of highest objective at w (among those `keep` accepts). */
  best(w: readonly number[], keep?: (p: PoolPlan) => boolean): PoolPlan | undefined {
    let best: PoolPlan | undefined;
    let value = -Infinity;
    for (const p of this.plans.values()) {
      if (keep && !keep(p)) continue;
      const v = this.value(p, w);
      if (v > value) {
        value = v;
        best = p;
      }
    }
    return best;
  }

  /**
   * The smallest bound on OPT(w) the recorded bounds give by convexity
   * (+Infinity when w is outside their hull). Conservative: the weighting
   * the λ actually reach is recomputed, and any gap to w is paid for at the
   * largest rate an objective can change with the weights.
   */
  hullBound(w: readonly number[]): number {
    const m = this.bounds.length;
    const n = w.length;
    if (m === 0) return Infinity;
    const exact = this.bounds.find((b) => b.w.every((x, k) => Math.abs(x - (w[k] ?? 0)) < 1e-15));
    if (m === 1) return exact ? exact.bound : Infinity;
    // Rows: one per criterion (Σ λ_i w_i = w), then Σ λ_i = 1; columns: λ_i.
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let k = 0; k <= n; k++) {
      for (let i = 0; i < m; i++) {
        const coefficient = k < n ? ((this.bounds[i] as Bound).w[k] as number) : 1;
        if (coefficient !== 0) {
          indices.push(i);
          values.push(coefficient);
        }
      }
      starts.push(indices.length);
    }
    const rhs = [...w, 1];
    const model = this.highs.createModel({
      numCols: m,
      numRows: n + 1,
      sense: this.highs.constants.objectiveSense.minimize,
      colCost: this.bounds.map((b) => b.bound),
      colLower: new Float64Array(m),
      colUpper: new Float64Array(m).fill(this.highs.infinity),
      rowLower: rhs,
      rowUpper: rhs,
      matrix: { format: 'csr', numRows: n + 1, numCols: m, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false });
      model.run();
      if (model.getModelStatus() !== this.highs.constants.modelStatus.optimal) {
        return exact ? exact.bound : Infinity;
      }
      const lambda = model.getSolution().colValue;
      let total = 0;
      let bound = 0;
      const reached = new Array<number>(n).fill(0);
      for (let i = 0; i < m; i++) {
        const l = Math.max(0, lambda[i] ?? 0);
        total += l;
        bound += l * (this.bounds[i] as Bound).bound;
        for (let k = 0; k < n; k++)
          reached[k] = (reached[k] as number) + l * ((this.bounds[i] as Bound).w[k] as number);
      }
      let miss = Math.abs(total - 1);
      for (let k = 0; k < n; k++) miss += Math.abs((reached[k] as number) - (w[k] as number));
      const hull = miss < 1e-7 ? bound + this.ceiling * miss * 2 : Infinity;
      return Math.min(hull, exact ? exact.bound : Infinity);
    } finally {
      model.dispose();
    }
  }

  /** Whether `p` is optimal at w within the tie, by the recorded bounds alone. */
  certified(w: readonly number[], p: PoolPlan): boolean {
    const v = this.value(p, w);
    return this.hullBound(w) <= v + this.tie(v);
  }

  /**
   * Along `t ↦ at(t)` from `from` towards `to`: the first t where a pooled
   * plan of another set than `set` beats every pooled plan of `set` by more
   * than the tie, or undefined when none does before `to`.
   */
  firstChange(
    at: (t: number) => number[],
    from: number,
    to: number,
    set: string,
  ): number | undefined {
    const dir = to >= from ? 1 : -1;
    const line = (p: PoolPlan) => {
      const a = this.value(p, at(0));
      return { p, a, b: this.value(p, at(1)) - a };
    };
    const ours = [...this.plans.values()].filter((p) => p.set === set).map(line);
    const others = [...this.plans.values()].filter((p) => p.set !== set).map(line);
    if (others.length === 0) return undefined;
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    // Breakpoints of our upper envelope on [lo, hi], then its line on each piece.
    const points = [lo, hi];
    for (let i = 0; i < ours.length; i++) {
      for (let j = i + 1; j < ours.length; j++) {
        const x = ours[i] as (typeof ours)[number];
        const y = ours[j] as (typeof ours)[number];
        if (Math.abs(x.b - y.b) < 1e-15) continue;
        const t = (y.a - x.a) / (x.b - y.b);
        if (t > lo && t < hi) points.push(t);
      }
    }
    points.sort((a, b) => a - b);
    if (dir < 0) points.reverse();
    const g = (this.tie(1) - this.tie(0)) as number;
    const slack = this.tie(0);
    for (let s = 0; s + 1 < points.length; s++) {
      const u = points[s] as number;
      const v = points[s + 1] as number;
      if (u === v) continue;
      const mid = (u + v) / 2;
      let top: (typeof ours)[number] | undefined;
      for (const x of ours) if (!top || x.a + x.b * mid > top.a + top.b * mid) top = x;
      // On this piece another plan wins where h(t) = f_Q(t) − (1 + g) E(t) − slack > 0.
      let first: number | undefined;
      for (const q of others) {
        const h0 = q.a - (1 + g) * (top?.a ?? -Infinity) - slack;
        const h1 = q.b - (1 + g) * (top?.b ?? 0);
        const hu = h0 + h1 * u;
        let t: number | undefined;
        if (hu > 0) t = u;
        else if (Math.abs(h1) > 1e-15) {
          const root = -h0 / h1;
          if ((root - u) * dir >= 0 && (v - root) * dir >= 0) t = root;
        }
        if (t !== undefined && (first === undefined || (t - first) * dir < 0)) first = t;
      }
      if (first !== undefined) return first;
    }
    return undefined;
  }
}
