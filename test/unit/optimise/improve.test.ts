/**
 * The local improvement that polishes a plan the solver could not prove
 * optimal (improve.ts): every plan it returns breaks no rule of the tests'
 * own reading of MODEL.md §4 (oracle.ts), and it never lowers the objective.
 */
import fc from 'fast-check';
import highsLoader from 'highs';
import { describe, expect, it } from 'vitest';
import { optimise, rankingHeuristic } from '../../../shared/engine/optimise';
import { improvePlan } from '../../../shared/engine/optimise/improve';
import { prepareProblem } from '../../../shared/engine/optimise/problem';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { generatePortfolio } from '../../support/generate';
import { objective, settingsOf, tinyPortfolio, violations } from './oracle';

const scenarioOf = (doc: Portfolio) => {
  const sc = resolveScenario(doc, undefined);
  if (!sc) throw new Error('no scenario');
  return sc;
};

describe('local improvement of a plan', () => {
  it('keeps the heuristic plan feasible and never lowers its objective (tiny portfolios)', () => {
    fc.assert(
      fc.property(tinyPortfolio(5, 3), (doc) => {
        const st = settingsOf(doc);
        const h = rankingHeuristic(doc, scenarioOf(doc));
        if (!h.feasible) return;
        const better = improvePlan(prepareProblem(doc, scenarioOf(doc)), h.plan);
        expect(violations(doc, st, better)).toEqual([]);
        expect(objective(doc, st, better)).toBeGreaterThanOrEqual(
          objective(doc, st, h.plan) - 1e-9,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('raises the heuristic objective on generated portfolios and breaks no rule', () => {
    for (const seed of [1, 2, 3]) {
      const doc = generatePortfolio({ projects: 60, years: 6, teams: 6, seed });
      const st = settingsOf(doc);
      const h = rankingHeuristic(doc, scenarioOf(doc));
      const better = improvePlan(prepareProblem(doc, scenarioOf(doc)), h.plan, 5000);
      expect(violations(doc, st, better)).toEqual([]);
      expect(objective(doc, st, better)).toBeGreaterThan(objective(doc, st, h.plan));
    }
  });

  it('gives, when the solver is stopped early, a plan that breaks no rule and a bound above it', async () => {
    const highs = await highsLoader();
    const doc = generatePortfolio({ projects: 120, years: 7, teams: 8, seed: 1 });
    const st = settingsOf(doc);
    const result = await optimise(highs, doc, { timeLimitSeconds: 0.5 });
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(violations(doc, st, result.plan)).toEqual([]);
    expect(Math.abs(objective(doc, st, result.plan) - result.objective)).toBeLessThan(1e-6);
    expect(result.objective).toBeGreaterThanOrEqual(result.heuristic.objective - 1e-9);
    expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
  });
});
