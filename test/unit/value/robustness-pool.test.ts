/**
 * The pool of the robustness analysis (shared/engine/weight-space.ts): the
 * bounds it derives by convexity are valid bounds (checked against a
 * brute-force optimum at random weightings), a plan it certifies is optimal,
 * and the first change of set it reads off the pool's lines is where a dense
 * scan of the same lines finds it.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SolverPool } from '../../../electron/optimise/pool';
import { dirichlet, robustness, seededRandom, weightsAt } from '../../../shared/engine/robustness';
import { findRangeEnd, type EndSearch } from '../../../shared/engine/weight-range';
import { WeightSpace, setKey, type PoolPlan } from '../../../shared/engine/weight-space';
import type { PlanEntry, Portfolio, ResolvedScenario } from '../../../shared/model/portfolio';
import { resolveScenario } from '../../../shared/model/portfolio';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const CRITERIA = ['a', 'b', 'c'];

/** A one-year knapsack of 6 projects under an envelope of 100. */
function knapsack(items: { cost: number; scores: number[] }[]): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 1 },
    criteria: CRITERIA.map((id) => ({ id, label: id, weight: 1 })),
    teams: [],
    budget: { investment: [100], operating: [0] },
    projects: items.map((x, k) => ({
      id: `P${k + 1}`,
      name: `P${k + 1}`,
      scores: Object.fromEntries(CRITERIA.map((c, i) => [c, x.scores[i] ?? 0])),
      investment: [x.cost],
      durationMonths: { low: 6, mode: 9, high: 12 },
    })),
    scenarios: [{ id: 'base', name: 'Base', timePreference: 0 }],
  };
}

/** Every feasible plan, and its objective at w (normalised weights), by enumeration. */
function allPlans(p: Portfolio): PlanEntry[][] {
  const out: PlanEntry[][] = [];
  const n = p.projects.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    let cost = 0;
    const plan: PlanEntry[] = [];
    p.projects.forEach((x, k) => {
      if (mask & (1 << k)) {
        cost += x.investment[0]!;
        plan.push({ project: x.id, start: 2027 });
      }
    });
    if (cost <= 100) out.push(plan);
  }
  return out;
}

function objectiveAt(p: Portfolio, plan: readonly PlanEntry[], w: readonly number[]): number {
  return plan.reduce((sum, e) => {
    const x = p.projects.find((q) => q.id === e.project)!;
    return sum + CRITERIA.reduce((s, c, i) => s + 20 * w[i]! * (x.scores[c] ?? 0), 0);
  }, 0);
}

const optimum = (p: Portfolio, plans: PlanEntry[][], w: readonly number[]) =>
  Math.max(...plans.map((plan) => objectiveAt(p, plan, w)));

const items = fc.array(
  fc.record({
    cost: fc.integer({ min: 10, max: 70 }),
    scores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
  }),
  { minLength: 4, maxLength: 6 },
);

const tie = (v: number) => 1e-6 + 0 * v;

let certifiedSeen = 0;

describe('bounds by convexity', () => {
  it('bound the optimum at any convex combination of the weightings solved, and are exact there', async () => {
    await fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 1000 }), (xs, seed) => {
        const p = knapsack(xs);
        const scenario = resolveScenario(p) as ResolvedScenario;
        const plans = allPlans(p);
        const space = new WeightSpace(highs, p, scenario, tie);
        const random = seededRandom(seed);
        const solved = Array.from({ length: 4 }, () => dirichlet([2, 2, 2], random));
        for (const w of solved) space.addBound(w, optimum(p, plans, w));
        for (const w of solved) {
          expect(space.hullBound(w)).toBeCloseTo(optimum(p, plans, w), 6);
        }
        for (let k = 0; k < 6; k++) {
          const lambda = dirichlet([1, 1, 1, 1], random);
          const w = [0, 1, 2].map((c) => solved.reduce((s, x, i) => s + lambda[i]! * x[c]!, 0));
          expect(space.hullBound(w)).toBeGreaterThanOrEqual(optimum(p, plans, w) - 1e-9);
        }
        // Outside the hull of what was solved (its points are inside the simplex), nothing is known.
        expect(space.hullBound([1, 0, 0])).toBe(Infinity);
      }),
      { numRuns: 40 },
    );
  });

  it('certify a plan only where it is optimal', async () => {
    await fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 1000 }), (xs, seed) => {
        const p = knapsack(xs);
        const scenario = resolveScenario(p) as ResolvedScenario;
        const plans = allPlans(p);
        const space = new WeightSpace(highs, p, scenario, tie);
        for (const plan of plans) space.addPlan(plan);
        const random = seededRandom(seed);
        for (let k = 0; k < 5; k++) {
          const w = dirichlet([3, 3, 3], random);
          space.addBound(w, optimum(p, plans, w));
        }
        for (let k = 0; k < 10; k++) {
          const w = dirichlet([3, 3, 3], random);
          const best = space.best(w)!;
          expect(space.value(best, w)).toBeCloseTo(optimum(p, plans, w), 9);
          if (space.certified(w, best)) {
            certifiedSeen++;
            expect(space.value(best, w)).toBeGreaterThanOrEqual(optimum(p, plans, w) - 1e-6);
          }
          // A plan that is not optimal is never certified.
          const worse = plans.find((plan) => objectiveAt(p, plan, w) < optimum(p, plans, w) - 1e-3);
          if (worse) expect(space.certified(w, space.addPlan(worse)!)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
    // The property above is not vacuous: some samples fall where the pool proves the optimum.
    expect(certifiedSeen).toBeGreaterThan(10);
  });

  it('refuses a plan that breaks a rule', () => {
    const p = knapsack([
      { cost: 60, scores: [5, 0, 0] },
      { cost: 60, scores: [0, 5, 0] },
    ]);
    const space = new WeightSpace(highs, p, resolveScenario(p) as ResolvedScenario, tie);
    const both = [
      { project: 'P1', start: 2027 },
      { project: 'P2', start: 2027 },
    ];
    expect(space.addPlan(both)).toBeUndefined();
    expect(space.addPlan([both[0]!])?.set).toBe(setKey([both[0]!]));
  });
});

describe('the first change of set along a criterion', () => {
  it('is where a dense scan of the pooled plans finds it', async () => {
    await fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 2 }), fc.constantFrom(0, 1), (xs, c, end) => {
        const p = knapsack(xs);
        const scenario = resolveScenario(p) as ResolvedScenario;
        const plans = allPlans(p);
        const space = new WeightSpace(highs, p, scenario, tie);
        for (const plan of plans) space.addPlan(plan);
        const base = [0.5, 0.3, 0.2];
        const at = (t: number) => weightsAt(base, c, t);
        const best = space.best(at(base[c]!))!;
        const found = space.firstChange(at, base[c]!, end, best.set);
        // Scan: the first share where another set's best beats ours by more than the tie.
        const step = 5e-4;
        const dir = end > base[c]! ? 1 : -1;
        let scanned: number | undefined;
        for (let t = base[c]!; (end - t) * dir >= -1e-12; t += dir * step) {
          const w = at(t);
          const ours = Math.max(
            ...plans.filter((x) => setKey(x) === best.set).map((x) => objectiveAt(p, x, w)),
          );
          const others = plans.filter((x) => setKey(x) !== best.set);
          const theirs = Math.max(-Infinity, ...others.map((x) => objectiveAt(p, x, w)));
          if (theirs > ours + 1e-6) {
            scanned = t;
            break;
          }
        }
        if (scanned === undefined) expect(found).toBeUndefined();
        else {
          expect(found).toBeDefined();
          expect(Math.abs(found! - scanned)).toBeLessThanOrEqual(step + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('one end of a range, with an exact oracle for the solves', () => {
  it('keeps the set just inside and changes it just outside, led by the pool or bisecting', async () => {
    await fc.assert(
      fc.asyncProperty(
        items,
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(0, 1),
        fc.constantFrom(0, 16),
        async (xs, c, end, maxSolves) => {
          const p = knapsack(xs);
          const scenario = resolveScenario(p) as ResolvedScenario;
          const plans = allPlans(p);
          const space = new WeightSpace(highs, p, scenario, tie);
          /** The exact optimum at w: the first plan of highest objective. */
          const exact = (w: readonly number[]) => {
            const value = optimum(p, plans, w);
            return plans.find((x) => objectiveAt(p, x, w) >= value - 1e-12)!;
          };
          let solves = 0;
          const solve = async (w: number[]): Promise<PoolPlan> => {
            solves++;
            const plan = exact(w);
            space.addBound(w, objectiveAt(p, plan, w));
            return space.addPlan(plan)!;
          };
          const base = [0.5, 0.3, 0.2];
          const reference = await solve(base);
          const search: EndSearch = {
            base,
            space,
            reference,
            tolerance: 0.005,
            solve,
            isStop: () => false,
            maxSolves,
          };
          const found = await findRangeEnd(search, c, end);
          const dir = end > base[c]! ? 1 : -1;
          const setAt = (t: number) => setKey(exact(weightsAt(base, c, t)));
          const eps = 1e-4;
          if (maxSolves === 0)
            expect(found.exact || found.bound === end).toBe(true === found.exact);
          const inside = found.bound - dir * eps;
          if ((inside - base[c]!) * dir > 0) expect(setAt(inside)).toBe(reference.set);
          if (found.bound === end) {
            expect([...found.entering, ...found.leaving]).toEqual([]);
            return;
          }
          const outside = found.bound + dir * (found.exact ? eps : 0.005 + eps);
          const there = exact(weightsAt(base, c, outside));
          expect(setKey(there)).not.toBe(reference.set);
          const ids = (x: readonly PlanEntry[]) => x.map((e) => e.project);
          expect(found.entering).toEqual(
            ids(there)
              .filter((id) => !ids(reference.plan).includes(id))
              .sort(),
          );
          expect(found.leaving).toEqual(
            ids(reference.plan)
              .filter((id) => !ids(there).includes(id))
              .sort(),
          );
          // Led by the pool, an end costs a few solves; bisecting, about log2(1/0.005).
          expect(solves).toBeLessThanOrEqual(maxSolves === 0 ? 12 : 18);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('the robustness analysis on solver threads', () => {
  it('finds the same ranges and stability with two threads as with none', async () => {
    const pool = new SolverPool(2);
    try {
      const random = seededRandom(11);
      for (let k = 0; k < 4; k++) {
        const xs = Array.from({ length: 6 }, () => ({
          cost: 10 + Math.floor(60 * random()),
          scores: [0, 1, 2].map(() => Math.floor(6 * random())),
        }));
        const p = knapsack(xs);
        p.criteria = p.criteria.map((c, i) => ({ ...c, weight: [0.5, 0.3, 0.2][i]! }));
        const alone = await robustness(highs, p, { gap: 0, samples: 12, seed: k + 1 });
        const threaded = await robustness(highs, p, {
          gap: 0,
          samples: 12,
          seed: k + 1,
          race: pool,
        });
        expect(threaded.projects).toEqual(alone.projects);
        expect(threaded.complete).toBe(true);
        for (const [c, r] of threaded.ranges.entries()) {
          const a = alone.ranges[c]!;
          expect(r.criterion).toBe(a.criterion);
          expect(r.low).toBeCloseTo(a.low, 4);
          expect(r.high).toBeCloseTo(a.high, 4);
          expect([r.enteringAtLow, r.leavingAtLow, r.enteringAtHigh, r.leavingAtHigh]).toEqual([
            a.enteringAtLow,
            a.leavingAtLow,
            a.enteringAtHigh,
            a.leavingAtHigh,
          ]);
        }
        expect(threaded.stability).toEqual(alone.stability);
      }
    } finally {
      await pool.close();
    }
  });
});
