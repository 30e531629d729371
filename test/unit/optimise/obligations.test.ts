/**
 * Obligations in time and postponements (MODEL.md §8) in the optimiser: a
 * deadline allows a start s only if 12·(s + n) <= monthIndex(deadline) + 1,
 * a scenario's notBefore tightens the earliest start; both checked against
 * brute force on tiny portfolios, by the plan checker, and a mandatory
 * project that cannot meet its deadline is an infeasible problem explained
 * in words.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan, optimise } from '../../../shared/engine/optimise';
import { resolveScenario, type PlanEntry, type Portfolio } from '../../../shared/model/portfolio';
import { bruteForce, objective, settingsOf, tinyPortfolio } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The §8 rules, read here: deadline and notBefore of the first scenario. */
function keepsObligations(doc: Portfolio, plan: readonly PlanEntry[]): boolean {
  const notBefore = doc.scenarios?.[0]?.notBefore ?? {};
  return plan.every((e) => {
    const p = doc.projects.find((q) => q.id === e.project)!;
    if (p.fixedStart == null && notBefore[p.id] !== undefined && e.start < notBefore[p.id]!) {
      return false;
    }
    if (!p.deadline) return true;
    const end = 12 * (Number(p.deadline.slice(0, 4)) - 2027) + Number(p.deadline.slice(5, 7));
    return 12 * (e.start - 2027 + p.investment.length) <= end;
  });
}

describe('deadlines and postponements in the optimiser', () => {
  it('equal brute force over every start choice (≤ 5 projects, ≤ 4 years)', async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyPortfolio(5, 4),
        fc.array(fc.option(fc.integer({ min: 6, max: 54 }), { nil: undefined }), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.array(fc.option(fc.integer({ min: 2027, max: 2031 }), { nil: undefined }), {
          minLength: 5,
          maxLength: 5,
        }),
        async (base, deadlines, postponed) => {
          const notBefore: Record<string, number> = {};
          const doc: Portfolio = {
            ...base,
            projects: base.projects.map((p, i) => {
              const m = deadlines[i];
              if (m === undefined) return p;
              const month = `${2027 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
              return { ...p, deadline: month };
            }),
          };
          base.projects.forEach((p, i) => {
            if (postponed[i] !== undefined) notBefore[p.id] = postponed[i]!;
          });
          doc.scenarios = [{ ...doc.scenarios![0]!, notBefore }];
          const st = settingsOf(doc);
          const best = bruteForce(doc, st, (plan) =>
            keepsObligations(doc, plan) ? objective(doc, st, plan) : -Infinity,
          );
          const result = await optimise(highs, doc, { gap: 0 });
          if (best === null || best.objective === -Infinity) {
            expect(result.status).toBe('infeasible');
            expect(result.reasons.length).toBeGreaterThan(0);
            return;
          }
          expect(result.status).toBe('optimal');
          expect(result.objective).toBeCloseTo(best.objective, 6);
          expect(keepsObligations(doc, result.plan)).toBe(true);
          expect(checkPlan(doc, resolveScenario(doc)!, result.plan)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  const doc = (
    project: Record<string, unknown>,
    scenario: Record<string, unknown> = {},
  ): Portfolio => ({
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'T', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 5 },
    criteria: [{ id: 'a', label: 'A', weight: 1 }],
    teams: [],
    budget: { investment: [100, 100, 100, 100, 100], operating: [0, 0, 0, 0, 0] },
    projects: [
      {
        id: 'P18',
        name: 'Facturation électronique',
        scores: { a: 3 },
        investment: [10, 10],
        durationMonths: { low: 20, mode: 24, high: 30 },
        ...project,
      },
    ],
    scenarios: [{ id: 's', name: 'S', ...scenario }],
  });

  it('explains a mandatory project that cannot meet its deadline', async () => {
    const r = await optimise(highs, doc({ mandatory: true, deadline: '2027-09' }));
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(
      /P18 doit être livré au plus tard fin septembre 2027 ; sa réalisation prévue dure 2 ans : il aurait fallu le lancer en 2025/,
    );
  });

  it('explains a mandatory project postponed past the latest start its deadline allows', async () => {
    const r = await optimise(
      highs,
      doc({ mandatory: true, deadline: '2029-12' }, { notBefore: { P18: 2029 } }),
    );
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(/lancer en 2028 ; il ne peut pas démarrer avant 2029/);
  });

  it('the plan checker names a plan that misses a deadline or starts before a postponement', () => {
    const d = doc({ deadline: '2029-12' }, { notBefore: { P18: 2028 } });
    const s = resolveScenario(d, 's')!;
    expect(checkPlan(d, s, [{ project: 'P18', start: 2028 }])).toEqual([]);
    expect(checkPlan(d, s, [{ project: 'P18', start: 2027 }]).join(' ')).toMatch(/reporté à 2028/);
    expect(checkPlan(d, s, [{ project: 'P18', start: 2029 }]).join(' ')).toMatch(
      /au plus tard fin décembre 2029/,
    );
  });
});
