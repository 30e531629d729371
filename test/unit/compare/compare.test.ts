/**
 * Plan comparison (shared/engine/compare.ts): hand-built cases whose figures
 * are worked out here from MODEL.md §4, and properties on random plans
 * checked against the test's own recomputation of money and team load.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePlans,
  compareSettings,
  neutralScenario,
  samePlan,
} from '../../../shared/engine/compare';
import type {
  PlanEntry,
  Portfolio,
  Project,
  ResolvedScenario,
} from '../../../shared/model/portfolio';
import { resolveScenario } from '../../../shared/model/portfolio';

const project = (id: string, extra: Partial<Project> = {}): Project => ({
  id,
  name: `Projet ${id}`,
  scores: { c: 5 },
  investment: [100, 200],
  staff: [{ team: 'dsi', days: [10, 20] }],
  durationMonths: { low: 10, mode: 12, high: 20 },
  ...extra,
});

function portfolio(projects: Project[], years = 4): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2030, years },
    criteria: [
      { id: 'c', label: 'C', weight: 1 },
      { id: 'd', label: 'D', weight: 1 },
    ],
    teams: [{ id: 'dsi', label: 'DSI', capacity: new Array<number>(years).fill(100) }],
    budget: {
      investment: new Array<number>(years).fill(1000),
      operating: new Array<number>(years).fill(500),
    },
    projects,
  };
}

describe('comparing two plans (hand-built)', () => {
  // P1: value 100 × (0.5 × 5/5) = 50; P2 scores d=5 only: 50; P3 c=5,d=5: 100.
  const doc = portfolio([
    project('P1', { runCost: 30, savings: 10, subsidyRate: 0.5 }),
    project('P2', { scores: { d: 5 }, investment: [300], staff: [{ team: 'dsi', days: [40] }] }),
    project('P3', { scores: { c: 5, d: 5 }, partnerShare: 0.25, runCost: 40 }),
  ]);
  const a: PlanEntry[] = [
    { project: 'P1', start: 2030 },
    { project: 'P2', start: 2030 },
  ];
  const b: PlanEntry[] = [
    { project: 'P1', start: 2031 },
    { project: 'P3', start: 2030 },
  ];

  it('lists the projects that enter, leave and move, in portfolio order', () => {
    const c = comparePlans(doc, a, b);
    expect(c.added).toEqual([{ project: 'P3', name: 'Projet P3', start: 2030, value: 100 }]);
    expect(c.removed).toEqual([{ project: 'P2', name: 'Projet P2', start: 2030, value: 50 }]);
    expect(c.moved).toEqual([
      { project: 'P1', name: 'Projet P1', startA: 2030, startB: 2031, value: 50 },
    ]);
    expect(c.unchanged).toBe(0);
    expect(c.valueA).toBeCloseTo(100, 9);
    expect(c.valueB).toBeCloseTo(150, 9);
    expect(samePlan(c)).toBe(false);
  });

  it('counts net investment, net operating cost and team days per year', () => {
    const c = comparePlans(doc, a, b);
    expect(c.years).toEqual([2030, 2031, 2032, 2033]);
    // A: P1 net 50 %: 50, 100 in 2030–31, then run 30 − savings 10 = 20 in 2032–33;
    //    P2: 300 in 2030, no run cost.
    expect(c.moneyByYear.map((y) => y.investmentA)).toEqual([350, 100, 0, 0]);
    expect(c.moneyByYear.map((y) => y.operatingA)).toEqual([0, 0, 20, 20]);
    // B: P1 from 2031: 50, 100 in 2031–32, 20 in 2033; P3 net 75 %: 75, 150
    //    in 2030–31, then run 40 × 0.75 = 30 in 2032–33.
    expect(c.moneyByYear.map((y) => y.investmentB)).toEqual([75, 200, 100, 0]);
    expect(c.moneyByYear.map((y) => y.operatingB)).toEqual([0, 0, 30, 50]);
    expect(c.totals).toEqual({
      investmentA: 450,
      investmentB: 375,
      operatingA: 40,
      operatingB: 80,
    });
    const dsi = c.teamLoadByYear[0]!;
    expect(dsi.a).toEqual([50, 20, 0, 0]);
    expect(dsi.b).toEqual([10, 30, 20, 0]);
    expect(dsi.capacityA).toEqual([100, 100, 100, 100]);
    expect(c.moneyByYear[0]!.investmentCapA).toBe(1000);
  });

  it('reads each plan with its own scenario: factors, savings credit, time preference', () => {
    const base = neutralScenario(doc);
    const prudent: ResolvedScenario = {
      ...base,
      budgetFactor: { investment: 0.5, operating: 0.8 },
      capacityFactor: 0.9,
      savingsCredit: 0,
      timePreference: 0.1,
    };
    const c = comparePlans(doc, a, a, { scenarioA: base, scenarioB: prudent });
    expect(samePlan(c)).toBe(true);
    expect(c.unchanged).toBe(2);
    // Savings not believed: P1 costs 30 a year instead of 20.
    expect(c.moneyByYear.map((y) => y.operatingB)).toEqual([0, 0, 30, 30]);
    expect(c.moneyByYear[0]!.investmentCapB).toBe(500);
    expect(c.moneyByYear[0]!.operatingCapB).toBeCloseTo(400, 9);
    expect(c.teamLoadByYear[0]!.capacityB[0]).toBeCloseTo(90, 9);
    // Both start in the first year: no discount, whatever the preference.
    expect(c.objectiveA).toBeCloseTo(100, 9);
    expect(c.objectiveB).toBeCloseTo(100, 9);
    const later = comparePlans(doc, a, b, { scenarioA: base, scenarioB: prudent });
    // B: P1 in 2031 → 50 × 0.9, P3 in 2030 → 100.
    expect(later.objectiveB).toBeCloseTo(145, 9);
    // Read with A's settings, B's plan is discounted the same way as A's.
    // B's plan at A's time preference (0.04): P1 in 2031 → 50 × 0.96, P3 → 100.
    expect(later.objectiveBAtA).toBeCloseTo(148, 9);
  });

  it('refuses a plan naming an unknown project, a project twice, or a start that is not a year', () => {
    expect(() => comparePlans(doc, [{ project: 'P9', start: 2030 }], [])).toThrow(
      /planA\[0\]\.project.*P9.*portefeuille/,
    );
    expect(() =>
      comparePlans(
        doc,
        [],
        [
          { project: 'P1', start: 2030 },
          { project: 'P1', start: 2031 },
        ],
      ),
    ).toThrow(/planB\[1\]\.project.*deux fois/);
    expect(() => comparePlans(doc, [{ project: 'P1', start: 2030.5 }], [])).toThrow(
      /planA\[0\]\.start.*année/,
    );
  });

  it('names the settings that differ between two scenarios', () => {
    const withScenarios: Portfolio = {
      ...doc,
      scenarios: [
        { id: 'a', name: 'A', forceIn: ['P1'], forceOut: ['P2'] },
        { id: 'b', name: 'B', forceIn: ['P1', 'P3'], capacityFactor: 0.8 },
      ],
    };
    const sa = resolveScenario(withScenarios, 'a')!;
    const sb = resolveScenario(withScenarios, 'b')!;
    expect(compareSettings(sa, sa)).toEqual([]);
    expect(compareSettings(sa, sb)).toEqual([
      { kind: 'capacityFactor', a: 1, b: 0.8 },
      { kind: 'forceIn', onlyA: [], onlyB: ['P3'] },
      { kind: 'forceOut', onlyA: ['P2'], onlyB: [] },
    ]);
  });

  it('names the postponements that differ, with each side’s year', () => {
    const withScenarios: Portfolio = {
      ...doc,
      scenarios: [
        { id: 'a', name: 'A', notBefore: { P1: 2029, P2: 2028 } },
        { id: 'b', name: 'B', notBefore: { P2: 2028, P3: 2030 } },
      ],
    };
    const sa = resolveScenario(withScenarios, 'a')!;
    const sb = resolveScenario(withScenarios, 'b')!;
    expect(compareSettings(sa, sb)).toEqual([
      {
        kind: 'notBefore',
        postponed: [
          { project: 'P1', a: 2029, b: null },
          { project: 'P3', a: null, b: 2030 },
        ],
      },
    ]);
  });
});

// ---- properties on random portfolios and plans ---------------------------

const YEARS = 5;
const randomProject = (id: string) =>
  fc
    .record({
      investment: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }),
      days: fc.integer({ min: 0, max: 50 }),
      runCost: fc.integer({ min: 0, max: 100 }),
      savings: fc.integer({ min: 0, max: 100 }),
      subsidyRate: fc.constantFrom(0, 0.2, 0.5),
      partnerShare: fc.constantFrom(0, 0.1, 0.3),
      score: fc.integer({ min: 0, max: 5 }),
    })
    .map((r): Project =>
      project(id, {
        investment: r.investment,
        staff: [{ team: 'dsi', days: r.investment.map((_, k) => r.days + k) }],
        runCost: r.runCost,
        savings: r.savings,
        subsidyRate: r.subsidyRate,
        partnerShare: r.partnerShare,
        scores: { c: r.score, d: 5 - r.score },
      }),
    );

const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
const randomDoc = fc.tuple(...ids.map(randomProject)).map((ps) => portfolio(ps, YEARS));
/** A plan: a subset of the projects, each with a start inside the horizon. */
const randomPlan = fc
  .tuple(...ids.map(() => fc.option(fc.integer({ min: 2030, max: 2030 + YEARS - 1 }))))
  .map((starts) =>
    starts.flatMap((s, i): PlanEntry[] => (s === null ? [] : [{ project: ids[i]!, start: s }])),
  );
const savingsCredit = fc.constantFrom(0, 0.5, 1);

/** The test's own reading of MODEL.md §4 constraints 2 to 4 for one plan. */
function money(doc: Portfolio, plan: readonly PlanEntry[], credit: number) {
  const inv = new Array<number>(YEARS).fill(0);
  const op = new Array<number>(YEARS).fill(0);
  const days = new Array<number>(YEARS).fill(0);
  for (const e of plan) {
    const p = doc.projects.find((x) => x.id === e.project)!;
    const net = 1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0);
    const s = e.start - 2030;
    const n = p.investment.length;
    for (let t = 0; t < YEARS; t++) {
      if (t >= s && t < s + n) {
        inv[t]! += p.investment[t - s]! * net;
        days[t]! += p.staff![0]!.days[t - s]!;
      } else if (t >= s + n) {
        op[t]! += (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) - credit * (p.savings ?? 0);
      }
    }
  }
  return { inv, op, days };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('comparing random plans', () => {
  it('finds no difference between a plan and itself', () => {
    fc.assert(
      fc.property(randomDoc, randomPlan, (doc, plan) => {
        const c = comparePlans(doc, plan, [...plan].reverse());
        expect(c.added).toEqual([]);
        expect(c.removed).toEqual([]);
        expect(c.moved).toEqual([]);
        expect(c.unchanged).toBe(plan.length);
        expect(c.valueA).toBeCloseTo(c.valueB, 9);
        for (const y of c.moneyByYear) {
          expect(close(y.investmentA, y.investmentB)).toBe(true);
          expect(close(y.operatingA, y.operatingB)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('swaps entering and leaving projects, and the starts of moved ones, when A and B swap', () => {
    fc.assert(
      fc.property(randomDoc, randomPlan, randomPlan, (doc, a, b) => {
        const ab = comparePlans(doc, a, b);
        const ba = comparePlans(doc, b, a);
        expect(ba.added).toEqual(ab.removed);
        expect(ba.removed).toEqual(ab.added);
        expect(ba.moved).toEqual(
          ab.moved.map((m) => ({ ...m, startA: m.startB, startB: m.startA })),
        );
        expect(ba.valueA).toBe(ab.valueB);
        expect(ba.totals.investmentA).toBe(ab.totals.investmentB);
        // Every project of either plan is in exactly one bucket.
        const both = new Set([...a, ...b].map((e) => e.project));
        expect(ab.added.length + ab.removed.length + ab.moved.length + ab.unchanged).toBe(
          both.size,
        );
        // Value B = value A + entering − leaving.
        const delta =
          ab.added.reduce((s, p) => s + p.value, 0) - ab.removed.reduce((s, p) => s + p.value, 0);
        expect(close(ab.valueB, ab.valueA + delta)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('gives money and team days equal to an independent recomputation, totals included', () => {
    fc.assert(
      fc.property(
        randomDoc,
        randomPlan,
        randomPlan,
        savingsCredit,
        savingsCredit,
        (doc, a, b, creditA, creditB) => {
          const base = neutralScenario(doc);
          const c = comparePlans(doc, a, b, {
            scenarioA: { ...base, savingsCredit: creditA },
            scenarioB: { ...base, savingsCredit: creditB },
          });
          const ma = money(doc, a, creditA);
          const mb = money(doc, b, creditB);
          c.moneyByYear.forEach((y, t) => {
            expect(close(y.investmentA, ma.inv[t]!)).toBe(true);
            expect(close(y.investmentB, mb.inv[t]!)).toBe(true);
            expect(close(y.operatingA, ma.op[t]!)).toBe(true);
            expect(close(y.operatingB, mb.op[t]!)).toBe(true);
          });
          const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          expect(close(c.totals.investmentA, total(ma.inv))).toBe(true);
          expect(close(c.totals.investmentB, total(mb.inv))).toBe(true);
          expect(close(c.totals.operatingA, total(ma.op))).toBe(true);
          expect(close(c.totals.operatingB, total(mb.op))).toBe(true);
          c.teamLoadByYear[0]!.a.forEach((d, t) => expect(close(d, ma.days[t]!)).toBe(true));
          c.teamLoadByYear[0]!.b.forEach((d, t) => expect(close(d, mb.days[t]!)).toBe(true));
        },
      ),
      { numRuns: 200 },
    );
  });
});
