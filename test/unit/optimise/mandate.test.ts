/**
 * The mandate objective of MODEL.md §7: each start's coefficient is the
 * project's value, discounted, times the probability P_p(s) of finishing
 * within the mandate. P_p(s) is checked against the triangular law's closed
 * form and a numerical integration of the PERT density, black swan
 * included; the optimiser's plans against brute force on tiny portfolios
 * whose objective the test computes itself.
 */
import fc from 'fast-check';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimise, prepareProblem } from '../../../shared/engine/optimise';
import { effectiveRisk, pFinishBy, threePointCdf } from '../../../shared/engine/risk';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type Project,
  type ThreePoint,
} from '../../../shared/model/portfolio';
import { bruteForce, settingsOf, tinyPortfolio, value } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** Triangular CDF, written from its textbook form. */
function triangularCdf(law: ThreePoint, x: number): number {
  const { low: a, mode: c, high: b } = law;
  if (x <= a) return 0;
  if (x >= b) return 1;
  if (x <= c) return (x - a) ** 2 / ((b - a) * (c - a));
  return 1 - (b - x) ** 2 / ((b - a) * (b - c));
}

/** PERT CDF by Simpson's rule on the Beta density (4 000 intervals). */
function pertCdf(law: ThreePoint, x: number): number {
  const { low, mode, high } = law;
  if (x <= low) return 0;
  if (x >= high) return 1;
  const alpha = 1 + (4 * (mode - low)) / (high - low);
  const beta = 1 + (4 * (high - mode)) / (high - low);
  const density = (u: number) => u ** (alpha - 1) * (1 - u) ** (beta - 1);
  const integrate = (to: number) => {
    const n = 4000;
    const h = to / n;
    let sum = density(0) + density(to);
    for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * density(i * h);
    return (sum * h) / 3;
  };
  return integrate((x - low) / (high - low)) / integrate(1);
}

const law = { low: 10, mode: 16, high: 30 };

function doc(extra: Partial<Portfolio> = {}, project: Partial<Project> = {}): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'T', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 5 },
    mandateEnd: '2029-06',
    criteria: [{ id: 'a', label: 'A', weight: 1 }],
    teams: [],
    budget: { investment: [10, 10, 10, 10, 10], operating: [0, 0, 0, 0, 0] },
    projects: [
      {
        id: 'P1',
        name: 'Un',
        scores: { a: 5 },
        investment: [5, 5],
        durationMonths: law,
        ...project,
      },
    ],
    scenarios: [{ id: 's', name: 'S', objective: 'mandate', timePreference: 0.1 }],
    ...extra,
  };
}

describe('P_p(s), the chance of finishing within the mandate', () => {
  it('is the triangular law’s closed form at every start', () => {
    const d = doc({ risk: { distribution: 'triangular' } });
    const risk = effectiveRisk(d);
    const limit = 12 * 2 + 6; // end of June 2029
    for (const s of [0, 1, 2, 3]) {
      const expected = triangularCdf(law, limit - 12 * s);
      expect(pFinishBy(risk, d.projects[0]!, s, limit)).toBeCloseTo(expected, 12);
    }
    for (const x of [9, 10, 12.5, 16, 16.01, 22, 29.9, 30, 31]) {
      expect(threePointCdf('triangular', law, x)).toBeCloseTo(triangularCdf(law, x), 12);
    }
  });

  it('is the PERT density’s integral, and mixes in the black swan’s stretched duration', () => {
    const swan = { probability: 0.2, scheduleFactor: 1.5, costFactor: 2 };
    const d = doc({ risk: { distribution: 'pert', blackSwan: swan } });
    const risk = effectiveRisk(d);
    for (const x of [11, 14, 16, 19, 25, 29]) {
      expect(threePointCdf('pert', law, x)).toBeCloseTo(pertCdf(law, x), 7);
    }
    const limit = 30;
    for (const s of [0, 1]) {
      const left = limit - 12 * s;
      const expected = 0.8 * pertCdf(law, left) + 0.2 * pertCdf(law, left / 1.5);
      expect(pFinishBy(risk, d.projects[0]!, s, limit)).toBeCloseTo(expected, 7);
    }
  });

  it('gives the optimiser’s coefficients V × (1 − tp)^s × P(s), and 0 past the mandate', () => {
    const d = doc({ risk: { distribution: 'triangular' } });
    const scenario = resolveScenario(d, 's')!;
    const problem = prepareProblem(d, scenario);
    const p = problem.projects[0]!;
    expect(p.starts).toEqual([0, 1, 2, 3]);
    for (const s of p.starts) {
      const expected = 100 * 0.9 ** s * triangularCdf(law, 30 - 12 * s);
      expect(p.gain[s]).toBeCloseTo(expected, 10);
    }
    expect(p.gain[3]).toBe(0); // started in 2030, after the mandate's end
    // Without the mandate objective the coefficient is the discounted value alone.
    const discounted = prepareProblem(d, { ...scenario, objective: 'discounted' });
    expect(discounted.projects[0]!.gain[2]).toBeCloseTo(100 * 0.81, 10);
  });

  it('still lets a mandatory project that cannot finish in the mandate into the plan, for no value', async () => {
    const d = doc({ mandateEnd: '2027-06' }, { mandatory: true });
    const result = await optimise(highs, d, { scenarioId: 's' });
    expect(result.status).toBe('optimal');
    expect(result.plan.map((e) => e.project)).toEqual(['P1']);
    expect(result.objective).toBeCloseTo(0, 9);
  });
});

/** The mandate objective of a plan, computed here from the triangular closed form. */
function mandateObjective(d: Portfolio, plan: readonly PlanEntry[]): number {
  const st = settingsOf(d);
  const limit = 12 * (Number(d.mandateEnd!.slice(0, 4)) - 2027) + Number(d.mandateEnd!.slice(5));
  return plan.reduce((sum, e) => {
    const p = d.projects.find((q) => q.id === e.project)!;
    const s = e.start - 2027;
    return sum + value(d, p) * (1 - st.tp) ** s * triangularCdf(p.durationMonths, limit - 12 * s);
  }, 0);
}

describe('the optimiser under the mandate objective', () => {
  it('equals brute-force enumeration on tiny portfolios (≤ 5 projects, ≤ 4 years)', async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyPortfolio(5, 4),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 3, max: 48 }),
        async (base, spreads, mandateMonths) => {
          const d: Portfolio = {
            ...base,
            mandateEnd: `${2027 + Math.floor((mandateMonths - 1) / 12)}-${String(((mandateMonths - 1) % 12) + 1).padStart(2, '0')}`,
            risk: { distribution: 'triangular' },
            projects: base.projects.map((p, i) => {
              const n = 12 * p.investment.length;
              const spread = spreads[i]!;
              return {
                ...p,
                durationMonths: { low: n - 6, mode: n - 6 + spread / 3, high: n - 6 + spread },
              };
            }),
            scenarios: base.scenarios!.map((s) => ({ ...s, objective: 'mandate' as const })),
          };
          const best = bruteForce(d, settingsOf(d), (plan) => mandateObjective(d, plan));
          const result = await optimise(highs, d, { gap: 0 });
          if (best === null) {
            expect(result.status).toBe('infeasible');
            return;
          }
          expect(result.status).toBe('optimal');
          expect(result.objective).toBeCloseTo(best.objective, 6);
          expect(mandateObjective(d, result.plan)).toBeCloseTo(best.objective, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
