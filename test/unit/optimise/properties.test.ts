/**
 * Invariants of the optimiser on random tiny portfolios, each checked against
 * the tests' own reading of MODEL.md §4 (oracle.ts), not against the engine.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan, optimise, rankingHeuristic } from '../../../shared/engine/optimise';
import { resolveScenario } from '../../../shared/model/portfolio';
import { bruteForce, objective, settingsOf, tinyPortfolio, violations } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('optimiser on random tiny portfolios', () => {
  it('equals the brute-force optimum over every start choice (≤ 5 projects, ≤ 3 years)', async () => {
    await fc.assert(
      fc.asyncProperty(tinyPortfolio(5, 3), async (doc) => {
        const st = settingsOf(doc);
        const best = bruteForce(doc, st);
        const result = await optimise(highs, doc, { gap: 0 });
        if (best === null) {
          expect(result.status).toBe('infeasible');
          expect(result.reasons.length).toBeGreaterThan(0);
          expect(result.plan).toEqual([]);
        } else {
          expect(result.status).toBe('optimal');
          expect(close(result.objective, best.objective)).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('returns only plans that break no rule, with the objective recomputed independently', async () => {
    await fc.assert(
      fc.asyncProperty(tinyPortfolio(5, 4), async (doc) => {
        const st = settingsOf(doc);
        const result = await optimise(highs, doc, { gap: 0 });
        if (result.status === 'infeasible') return;
        expect(violations(doc, st, result.plan)).toEqual([]);
        expect(close(result.objective, objective(doc, st, result.plan))).toBe(true);
        // The engine's own checker agrees.
        expect(checkPlan(doc, resolveScenario(doc)!, result.plan)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never does worse than the ranking heuristic, whose plan is itself feasible', async () => {
    await fc.assert(
      fc.asyncProperty(tinyPortfolio(5, 4), async (doc) => {
        const st = settingsOf(doc);
        const heuristic = rankingHeuristic(doc, resolveScenario(doc)!);
        if (heuristic.feasible) {
          expect(violations(doc, st, heuristic.plan)).toEqual([]);
          expect(close(heuristic.objective, objective(doc, st, heuristic.plan))).toBe(true);
        }
        const result = await optimise(highs, doc, { gap: 0 });
        if (result.status === 'optimal' && heuristic.feasible) {
          expect(result.objective).toBeGreaterThanOrEqual(heuristic.objective - 1e-9);
        }
        expect(result.heuristic.objective).toBeCloseTo(heuristic.objective, 9);
      }),
      { numRuns: 150 },
    );
  });

  it('never lowers the optimum when the investment envelope grows', async () => {
    await fc.assert(
      fc.asyncProperty(tinyPortfolio(5, 4), fc.constantFrom(1.25, 1.5, 2), async (doc, factor) => {
        const base = resolveScenario(doc)!;
        const small = await optimise(highs, doc, { gap: 0, scenario: base });
        const more = {
          ...base,
          budgetFactor: { ...base.budgetFactor, investment: base.budgetFactor.investment * factor },
        };
        const large = await optimise(highs, doc, { gap: 0, scenario: more });
        if (small.status === 'optimal') {
          expect(large.status).toBe('optimal');
          expect(large.objective).toBeGreaterThanOrEqual(small.objective - 1e-9);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the random tiny portfolios', () => {
  it('cover feasible and infeasible cases alike', () => {
    const docs = fc.sample(tinyPortfolio(5, 3), { numRuns: 300, seed: 7 });
    const solved = docs.map((d) => bruteForce(d, settingsOf(d)));
    const feasible = solved.filter((b) => b !== null && b.plan.length > 0).length;
    const infeasible = solved.filter((b) => b === null).length;
    expect(feasible).toBeGreaterThan(100);
    expect(infeasible).toBeGreaterThan(20);
  });
});
