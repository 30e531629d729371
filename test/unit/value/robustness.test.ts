/**
 * How robust the optimal set of projects is to the criteria weights
 * (shared/engine/robustness.ts): each end of a weight range is checked by
 * re-optimising just inside (same set) and just outside (another set), and
 * against an independent brute-force oracle on a small knapsack.
 */
import fc from 'fast-check';
import highsLoader from 'highs';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimise } from '../../../shared/engine/optimise';
import {
  dirichlet,
  robustness,
  seededRandom,
  weightsAt,
  withWeights,
  type RobustnessResult,
} from '../../../shared/engine/robustness';
import type { Portfolio, Project } from '../../../shared/model/portfolio';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function project(id: string, cost: number, scores: Record<string, number>): Project {
  return {
    id,
    name: id,
    scores,
    investment: [cost],
    durationMonths: { low: 6, mode: 9, high: 12 },
  };
}

/** One budget year, one envelope of 100: a knapsack whose best set depends on the weights. */
function knapsack(): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 1 },
    criteria: [
      { id: 'usagers', label: 'Usagers', weight: 0.5 },
      { id: 'efficience', label: 'Efficience', weight: 0.3 },
      { id: 'agents', label: 'Agents', weight: 0.2 },
    ],
    teams: [],
    budget: { investment: [100], operating: [0] },
    projects: [
      project('P1', 60, { usagers: 5, efficience: 1, agents: 1 }),
      project('P2', 40, { usagers: 3, efficience: 2, agents: 0 }),
      project('P3', 50, { usagers: 1, efficience: 5, agents: 2 }),
      project('P4', 30, { usagers: 0, efficience: 3, agents: 5 }),
      project('P5', 20, { usagers: 2, efficience: 2, agents: 2 }),
      project('P6', 45, { usagers: 4, efficience: 0, agents: 3 }),
    ],
    scenarios: [{ id: 'base', name: 'Base', timePreference: 0 }],
  };
}

/** The best set by enumeration (independent of the solver). */
function bruteForce(p: Portfolio, weights: number[]): string[] {
  const items = p.projects;
  let best = -1;
  let bestSet: string[] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let cost = 0;
    let value = 0;
    const ids: string[] = [];
    items.forEach((x, k) => {
      if (!(mask & (1 << k))) return;
      cost += x.investment[0]!;
      value += p.criteria.reduce((s, c, i) => s + 20 * weights[i]! * (x.scores[c.id] ?? 0), 0);
      ids.push(x.id);
    });
    if (cost <= 100 + 1e-9 && value > best + 1e-9) {
      best = value;
      bestSet = ids;
    }
  }
  return bestSet.sort();
}

async function optimalSet(p: Portfolio, weights: number[]): Promise<string[]> {
  const r = await optimise(highs, withWeights(p, weights), { gap: 0 });
  return [...new Set(r.plan.map((e) => e.project))].sort();
}

/** The portfolio with only the given projects: the best schedule of that set. */
function only(p: Portfolio, ids: string[]): Portfolio {
  return { ...p, projects: p.projects.filter((x) => ids.includes(x.id)) };
}

const base = [0.5, 0.3, 0.2];

describe('weight ranges', () => {
  let result: RobustnessResult;
  beforeAll(async () => {
    result = await robustness(highs, knapsack(), { gap: 0, samples: 20, seed: 7 });
  });

  it('reports one range per criterion around the current share', () => {
    expect(result.complete).toBe(true);
    expect(result.approximate).toBe(false);
    expect(result.ranges.map((r) => r.criterion)).toEqual(['usagers', 'efficience', 'agents']);
    result.ranges.forEach((r, c) => {
      expect(r.weight).toBeCloseTo(base[c]!, 12);
      expect(r.low).toBeGreaterThanOrEqual(0);
      expect(r.low).toBeLessThanOrEqual(r.weight);
      expect(r.high).toBeGreaterThanOrEqual(r.weight);
      expect(r.high).toBeLessThanOrEqual(1);
    });
    expect(result.projects).toEqual(bruteForce(knapsack(), base));
    // The example is built so that the choice is not robust to everything.
    expect(result.ranges.some((r) => r.low > 0 || r.high < 1)).toBe(true);
  });

  it('keeps the set just inside each end and changes it just outside, as the projects listed say', async () => {
    const p = knapsack();
    const eps = 1e-4;
    for (const [c, r] of result.ranges.entries()) {
      const tolerance = r.exact ? eps : 0.005 + eps;
      for (const end of ['low', 'high'] as const) {
        const bound = r[end];
        const towards = end === 'low' ? -1 : 1;
        const inside = await optimalSet(p, weightsAt(base, c, bound - towards * eps));
        expect(inside, `${r.criterion} just inside ${end}`).toEqual(result.projects);
        if (bound <= 0 || bound >= 1) {
          expect(end === 'low' ? r.enteringAtLow : r.enteringAtHigh).toEqual([]);
          continue;
        }
        const outside = await optimalSet(p, weightsAt(base, c, bound + towards * tolerance));
        expect(outside, `${r.criterion} just outside ${end}`).not.toEqual(result.projects);
        const entering = end === 'low' ? r.enteringAtLow : r.enteringAtHigh;
        const leaving = end === 'low' ? r.leavingAtLow : r.leavingAtHigh;
        expect(entering).toEqual(outside.filter((x) => !result.projects.includes(x)));
        expect(leaving).toEqual(result.projects.filter((x) => !outside.includes(x)));
      }
    }
  });

  it('agrees with a brute-force scan of the weight', () => {
    const p = knapsack();
    const step = 0.001;
    for (const [c, r] of result.ranges.entries()) {
      const ref = bruteForce(p, base);
      // Walk from the current share each way until the enumeration's best set changes.
      let low = base[c]!;
      while (low - step >= 0 && sameSet(bruteForce(p, weightsAt(base, c, low - step)), ref))
        low -= step;
      let high = base[c]!;
      while (high + step <= 1 && sameSet(bruteForce(p, weightsAt(base, c, high + step)), ref))
        high += step;
      expect(Math.abs(r.low - low), `${r.criterion} low`).toBeLessThanOrEqual(step + 0.005);
      expect(Math.abs(r.high - high), `${r.criterion} high`).toBeLessThanOrEqual(step + 0.005);
    }
  });

  it('gives each project the share of sampled weightings that keep it, the same for the same seed', async () => {
    expect(result.samples).toBe(20);
    for (const s of result.stability) {
      expect(s.share).toBeGreaterThanOrEqual(0);
      expect(s.share).toBeLessThanOrEqual(1);
      expect(s.inPlan).toBe(result.projects.includes(s.project));
      expect(s.share * 20).toBeCloseTo(Math.round(s.share * 20), 9);
    }
    // Recount the samples with the enumeration: same draws, same shares.
    const random = seededRandom(7);
    const alpha = base.map((w) => Math.max(30 * w, 0.5));
    const counts = new Map<string, number>();
    for (let k = 0; k < 20; k++)
      for (const id of bruteForce(knapsack(), dirichlet(alpha, random)))
        counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const s of result.stability)
      expect(s.share).toBeCloseTo((counts.get(s.project) ?? 0) / 20, 12);
  });
});

describe('random small portfolios over two years (start years may move)', () => {
  it('every end found keeps a best set just inside (ties allowed) and changes it just outside', async () => {
    const arbitrary = fc.record({
      weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
      projects: fc.array(
        fc.record({
          cost: fc.integer({ min: 10, max: 60 }),
          scores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }),
          earliest: fc.boolean(),
        }),
        { minLength: 3, maxLength: 6 },
      ),
      budget: fc.integer({ min: 40, max: 120 }),
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ weights, projects, budget }) => {
        const p = knapsack();
        p.horizon = { firstYear: 2027, years: 2 };
        p.budget = { investment: [budget, budget / 2], operating: [0, 0] };
        p.scenarios = [{ id: 'base', name: 'Base', timePreference: 0.1 }];
        p.criteria = p.criteria.map((c, k) => ({ ...c, weight: weights[k]! }));
        p.projects = projects.map((x, k) => ({
          ...project(`R${k + 1}`, x.cost, {
            usagers: x.scores[0]!,
            efficience: x.scores[1]!,
            agents: x.scores[2]!,
          }),
          earliestStart: x.earliest ? 2028 : undefined,
        }));
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = weights.map((w) => w / total);
        const r = await robustness(highs, p, { gap: 0, samples: 0 });
        const eps = 1e-4;
        for (const [c, range] of r.ranges.entries()) {
          for (const end of ['low', 'high'] as const) {
            const towards = end === 'low' ? -1 : 1;
            const bound = range[end];
            const inside = Math.min(1, Math.max(0, bound - towards * eps));
            // Inside, the set is still a best one: several sets may tie along the
            // whole range (then the solver may return either), so compare values.
            if (Math.abs(inside - shares[c]!) > eps) {
              const at = weightsAt(shares, c, inside);
              const best = await optimise(highs, withWeights(p, at), { gap: 0 });
              const kept = await optimise(highs, withWeights(only(p, r.projects), at), { gap: 0 });
              expect(kept.objective).toBeGreaterThanOrEqual(
                best.objective - 1e-6 * (1 + best.objective),
              );
            }
            if (bound <= 0 || bound >= 1) continue;
            const step = range.exact ? eps : 0.005 + eps;
            expect(await optimalSet(p, weightsAt(shares, c, bound + towards * step))).not.toEqual(
              r.projects,
            );
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('bounded and cancellable', () => {
  it('a criterion that cannot change the choice spans 0 to 1', async () => {
    const p = knapsack();
    // Everything fits: every weighting keeps all the projects.
    p.budget.investment = [1000];
    const r = await robustness(highs, p, { gap: 0, samples: 3 });
    for (const x of r.ranges) {
      expect([x.low, x.high]).toEqual([0, 1]);
      expect([
        ...x.enteringAtLow,
        ...x.leavingAtLow,
        ...x.enteringAtHigh,
        ...x.leavingAtHigh,
      ]).toEqual([]);
    }
    expect(r.stability.every((s) => s.share === 1)).toBe(true);
  });

  it('stops when cancelled and says it is incomplete; reports progress up to the end', async () => {
    const signal = { aborted: false };
    const fractions: number[] = [];
    const r = await robustness(highs, knapsack(), {
      gap: 0,
      samples: 10,
      signal,
      onProgress: (x) => {
        fractions.push(x.fraction);
        if (x.phase === 'ranges' && x.partial && x.partial.ranges.length === 1)
          signal.aborted = true;
      },
    });
    expect(r.complete).toBe(false);
    expect(r.ranges).toHaveLength(1);
    expect(r.samples).toBe(0);
    const full: number[] = [];
    await robustness(highs, knapsack(), {
      gap: 0,
      samples: 2,
      onProgress: (x) => full.push(x.fraction),
    });
    expect(full.at(-1)).toBe(1);
    expect(full).toEqual([...full].sort((a, b) => a - b));
  });

  it('refuses a tolerance or a sample count that makes no sense, naming it', async () => {
    await expect(robustness(highs, knapsack(), { tolerance: 0 })).rejects.toThrow(/tolerance/);
    await expect(robustness(highs, knapsack(), { samples: -1 })).rejects.toThrow(/samples/);
  });
});

function sameSet(a: string[], b: string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
