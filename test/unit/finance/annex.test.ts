/**
 * The AP/CP annex (MODEL.md §9): rows, AP numbers, totals and revisions
 * against the plan adopted in committee.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptPlan, annexRows, annexTotal } from '../../../shared/engine/annex';
import type { ActualEntry, PlanEntry, Portfolio, Project } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { validPortfolioArb } from '../../support/arbitraries';

function project(id: string, fields: Partial<Project> = {}): Project {
  return {
    id,
    name: `Projet ${id}`,
    scores: { usagers: 3 },
    investment: [100000],
    durationMonths: { low: 6, mode: 9, high: 12 },
    ...fields,
  };
}

function portfolio(projects: Project[], fields: Partial<Portfolio> = {}): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 4 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [],
    budget: { investment: [1e6, 1e6, 1e6, 1e6], operating: [1e5, 1e5, 1e5, 1e5] },
    projects,
    ...fields,
  };
}

describe('AP/CP annex', () => {
  it('numbers the APs by first year in plan order, keeping the numbers projects carry', () => {
    const doc = portfolio([
      project('A'),
      project('B', { apNumber: 'AP-2027-01' }),
      project('C'),
      project('D', { apNumber: '  2027-SI-07 ' }),
      project('E'),
    ]);
    const rows = annexRows(doc, [
      { project: 'C', start: 2028 },
      { project: 'A', start: 2027 },
      { project: 'B', start: 2027 },
      { project: 'D', start: 2027 },
      { project: 'E', start: 2027 },
    ]);
    // C opens the 2028 series; A skips AP-2027-01, already B's; D keeps its own (trimmed).
    expect(rows.map((r) => [r.project, r.ap])).toEqual([
      ['C', 'AP-2028-01'],
      ['A', 'AP-2027-02'],
      ['B', 'AP-2027-01'],
      ['D', '2027-SI-07'],
      ['E', 'AP-2027-03'],
    ]);
  });

  it('gives each row its CP from its first year, also past the horizon, and its amount', () => {
    const doc = portfolio([project('A', { investment: [100000, 60000, 40000] })]);
    const [row] = annexRows(doc, [{ project: 'A', start: 2029 }]);
    expect(row).toMatchObject({
      project: 'A',
      label: 'Projet A',
      firstYear: 2029,
      start: 2029,
      cp: [100000, 60000, 40000],
      amount: 200000,
      initial: null,
      revision: null,
    });
  });

  it('shows the CP paid before the horizon as the first years of the AP', () => {
    const doc = portfolio([project('A', { investment: [50000, 30000], fixedStart: 2028 })], {
      horizon: { firstYear: 2028, years: 3 },
      budget: { investment: [1e6, 1e6, 1e6], operating: [0, 0, 0] },
      actuals: [
        { project: 'A', year: 2026, paid: 20000, status: 'en-cours' },
        { project: 'A', year: 2027, paid: 0 },
        { project: 'A', year: 2028, paid: 10000 },
      ],
    });
    const [row] = annexRows(doc, [{ project: 'A', start: 2028 }]);
    // 2026 paid, 2027 nothing, then the plan; the 2028 payment is execution, not the annex.
    expect(row).toMatchObject({ firstYear: 2026, cp: [20000, 0, 50000, 30000], amount: 100000 });
  });

  it('totals the amounts and the CP of every year', () => {
    const doc = portfolio([
      project('A', { investment: [100000, 50000] }),
      project('B', { investment: [30000] }),
    ]);
    const rows = annexRows(doc, [
      { project: 'A', start: 2028 },
      { project: 'B', start: 2027 },
    ]);
    expect(annexTotal(rows, 2027)).toEqual({
      amount: 180000,
      cp: [30000, 100000, 50000],
      firstYear: 2027,
      initial: 0,
      revision: 0,
    });
  });

  it('shows the revision of an AP against the amount adopted in committee', () => {
    const doc = portfolio([
      project('A', { investment: [100000, 50000] }),
      project('B', { investment: [40000] }),
    ]);
    const plan = [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
    ];
    const baseline = adoptPlan(doc, plan, { date: '2027-01-15', meeting: 'CODIR' });
    expect(baseline.plan).toEqual([
      { project: 'A', start: 2027, ap: 150000, cp: [100000, 50000], apNumber: 'AP-2027-01' },
      { project: 'B', start: 2028, ap: 40000, cp: [40000], apNumber: 'AP-2028-01' },
    ]);
    // A year later: A costs 20 000 € more, B less, C is a new AP.
    const later = portfolio(
      [
        project('A', { investment: [100000, 70000] }),
        project('C', { investment: [25000] }),
        project('B', { investment: [35000] }),
      ],
      { baseline },
    );
    const rows = annexRows(later, [
      { project: 'C', start: 2027 },
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
    ]);
    expect(rows.map((r) => [r.project, r.ap, r.initial, r.revision, r.amount])).toEqual([
      // C would have been AP-2027-01, but the baseline kept that number for A.
      ['C', 'AP-2027-02', null, null, 25000],
      ['A', 'AP-2027-01', 150000, 20000, 170000],
      ['B', 'AP-2028-01', 40000, -5000, 35000],
    ]);
    expect(annexTotal(rows, 2027)).toMatchObject({
      amount: 230000,
      initial: 190000,
      revision: 15000,
    });
  });

  it('shows no revision when the baseline did not keep its amounts', () => {
    const doc = portfolio([project('A')], {
      baseline: { date: '2027-01-15', plan: [{ project: 'A', start: 2027 }] },
    });
    expect(annexRows(doc, [{ project: 'A', start: 2027 }])[0]).toMatchObject({
      initial: null,
      revision: null,
    });
  });

  it('writes a baseline the format accepts', () => {
    const doc = portfolio([project('A', { investment: [100000, 50000] })]);
    const baseline = adoptPlan(doc, [{ project: 'A', start: 2027 }], {
      date: '2027-01-15',
      meeting: 'Comité de direction',
      scenario: 'base',
    });
    const adopted = { ...doc, scenarios: [{ id: 'base', name: 'Base' }], baseline };
    const checked = validatePortfolio(JSON.parse(JSON.stringify(adopted)));
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.portfolio.baseline).toEqual(baseline);
      expect(checked.warnings.join(' ')).not.toMatch(/baseline/);
    }
  });

  it('refuses a plan naming an unknown project', () => {
    expect(() => annexRows(portfolio([]), [{ project: 'X', start: 2027 }])).toThrow(/« X »/);
  });

  it('sums each row to its AP and the total to Σ AP on generated documents', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ maxProjects: 8 }).chain((doc) =>
          fc.record({
            doc: fc.constant(doc),
            starts: fc.array(fc.nat({ max: 20 }), {
              minLength: doc.projects.length,
              maxLength: doc.projects.length,
            }),
            paid: fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }), {
              minLength: doc.projects.length,
              maxLength: doc.projects.length,
            }),
          }),
        ),
        ({ doc, starts, paid }) => {
          const { firstYear } = doc.horizon;
          const plan: PlanEntry[] = doc.projects.map((p, i) => ({
            project: p.id,
            // Past the horizon too: the annex keeps every CP.
            start: firstYear + (starts[i]! % 8),
          }));
          const actuals: ActualEntry[] = [];
          doc.projects.forEach((p, i) => {
            if (paid[i] !== undefined) {
              actuals.push({ project: p.id, year: firstYear - 1 - (i % 3), paid: paid[i]! * 100 });
            }
          });
          const rows = annexRows({ ...doc, actuals }, plan);
          let expectedTotal = 0;
          rows.forEach((row, i) => {
            const p = doc.projects[i]!;
            const before = actuals
              .filter((a) => a.project === p.id)
              .reduce((s, a) => s + a.paid, 0);
            // Recomputed from the document: Σ investment + paid before the horizon.
            const ap = p.investment.reduce((s, x) => s + x, 0) + before;
            expectedTotal += ap;
            expect(row.amount).toBeCloseTo(ap, 2);
            expect(row.cp.reduce((s, x) => s + x, 0)).toBeCloseTo(row.amount, 2);
            expect(row.firstYear).toBeLessThanOrEqual(plan[i]!.start);
            expect(row.cp.length).toBeGreaterThanOrEqual(p.investment.length);
          });
          const total = annexTotal(rows, firstYear);
          expect(total.amount).toBeCloseTo(expectedTotal, 2);
          expect(total.cp.reduce((s, x) => s + x, 0)).toBeCloseTo(expectedTotal, 1);
          // Numbers are unique.
          expect(new Set(rows.map((r) => r.ap)).size).toBe(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
