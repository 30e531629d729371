/**
 * What a postponement costs (shared/engine/postponements.ts): which
 * postponements bind, the document with one lifted, and the cost of each —
 * the optimum without it minus the optimum with it — against brute force on
 * tiny portfolios (never negative), and on a hand-made case whose figures
 * are worked out by hand.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimise } from '../../../shared/engine/optimise';
import {
  postponementEffect,
  postponementsOf,
  withoutPostponements,
} from '../../../shared/engine/postponements';
import type { PlanEntry, Portfolio } from '../../../shared/model/portfolio';
import { bruteForce, objective, settingsOf, tinyPortfolio } from '../optimise/oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The §8 rule, read here: no start before the scenario's notBefore (a committed start aside). */
const keepsPostponements = (doc: Portfolio, plan: readonly PlanEntry[]) => {
  const notBefore = doc.scenarios?.[0]?.notBefore ?? {};
  return plan.every((e) => {
    const p = doc.projects.find((q) => q.id === e.project)!;
    return p.fixedStart != null || notBefore[p.id] === undefined || e.start >= notBefore[p.id]!;
  });
};

const hand: Portfolio = {
  format: 'arbitra-portfolio',
  version: 1,
  organisation: { name: 'T', kind: 'commune', fctvaRegime: 'N' },
  horizon: { firstYear: 2027, years: 3 },
  criteria: [{ id: 'a', label: 'A', weight: 1 }],
  teams: [],
  // One project a year fits the envelope.
  budget: { investment: [10, 10, 10], operating: [0, 0, 0] },
  projects: [
    {
      id: 'P1',
      name: 'Un',
      scores: { a: 5 },
      investment: [10],
      durationMonths: { low: 6, mode: 9, high: 12 },
    },
    {
      id: 'P2',
      name: 'Deux',
      scores: { a: 4 },
      investment: [10],
      durationMonths: { low: 6, mode: 9, high: 12 },
      earliestStart: 2028,
    },
    {
      id: 'P3',
      name: 'Trois',
      scores: { a: 1 },
      investment: [10],
      durationMonths: { low: 6, mode: 9, high: 12 },
      fixedStart: 2029,
    },
  ],
  scenarios: [
    { id: 's', name: 'S', timePreference: 0.1, notBefore: { P1: 2029, P2: 2028, P3: 2030 } },
  ],
};

describe('postponements of a scenario', () => {
  it('bind only when later than the start the project could have otherwise', () => {
    expect(postponementsOf(hand, 's')).toEqual([
      { project: 'P1', year: 2029, otherwise: 2027, binds: true },
      // P2 cannot start before 2028 anyway; P3 is committed for 2029.
      { project: 'P2', year: 2028, otherwise: 2028, binds: false },
      { project: 'P3', year: 2030, otherwise: 2029, binds: false },
    ]);
    expect(postponementsOf(hand, 'nope')).toEqual([]);
  });

  it('lifts one postponement, or every one, in that scenario only', () => {
    const two: Portfolio = {
      ...hand,
      scenarios: [...hand.scenarios!, { id: 't', name: 'T', notBefore: { P1: 2029 } }],
    };
    const one = withoutPostponements(two, 's', ['P1']);
    expect(one.scenarios!.map((s) => s.notBefore)).toEqual([{ P2: 2028, P3: 2030 }, { P1: 2029 }]);
    const all = withoutPostponements(two, 's');
    expect('notBefore' in all.scenarios![0]!).toBe(false);
    expect(all.scenarios![1]!.notBefore).toEqual({ P1: 2029 });
    expect(two.scenarios![0]!.notBefore).toEqual({ P1: 2029, P2: 2028, P3: 2030 });
  });

  it('costs what the optimum loses, by hand', async () => {
    // Values 100, 80, 20 points; discount (1 − 0.1)^t. Each year's envelope holds one project.
    // P1 postponed to 2029, where P3 is committed: P1 finds no year. Optimum with it:
    // P2 2028 + P3 2029 = 80 × 0.9 + 20 × 0.81. Without: P1 2027 + P2 2028 + P3 2029.
    const withIt = await optimise(highs, hand, { scenarioId: 's', gap: 0 });
    const lifted = withoutPostponements(hand, 's', ['P1']);
    const withoutIt = await optimise(highs, lifted, { scenarioId: 's', gap: 0 });
    expect(withIt.objective).toBeCloseTo(80 * 0.9 + 20 * 0.81, 9);
    expect(withoutIt.objective).toBeCloseTo(100 + 80 * 0.9 + 20 * 0.81, 9);
    const effect = postponementEffect(hand, 's', ['P1'], withIt.plan, withoutIt.plan);
    expect(effect.cost).toBeCloseTo(100, 9);
    expect(effect.valueDifference).toBeCloseTo(100, 9);
    expect(effect.comparison.added).toEqual([]);
    expect(effect.comparison.removed.map((p) => [p.project, p.start])).toEqual([['P1', 2027]]);
  });

  it('costs the brute-force optimum without it minus with it, never less than 0 (tiny portfolios)', async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyPortfolio(4, 3),
        fc.nat({ max: 3 }),
        fc.integer({ min: 2028, max: 2029 }),
        async (base, k, year) => {
          const target = base.projects[k % base.projects.length]!;
          const doc: Portfolio = {
            ...base,
            scenarios: [{ ...base.scenarios![0]!, notBefore: { [target.id]: year } }],
          };
          const id = doc.scenarios![0]!.id;
          const lifted = withoutPostponements(doc, id, [target.id]);
          const st = settingsOf(doc);
          const bestWith = bruteForce(doc, st, (plan) =>
            keepsPostponements(doc, plan) ? objective(doc, st, plan) : -Infinity,
          );
          const bestWithout = bruteForce(lifted, st);
          const withIt = await optimise(highs, doc, { scenarioId: id, gap: 0 });
          if (bestWith === null || bestWith.objective === -Infinity) {
            expect(withIt.status).toBe('infeasible');
            return;
          }
          const withoutIt = await optimise(highs, lifted, {
            scenarioId: id,
            gap: 0,
            startPlans: [withIt.plan],
          });
          const effect = postponementEffect(doc, id, [target.id], withIt.plan, withoutIt.plan);
          expect(effect.cost).toBeCloseTo(bestWithout!.objective - bestWith.objective, 6);
          expect(effect.cost).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { numRuns: 120 },
    );
  });
});
