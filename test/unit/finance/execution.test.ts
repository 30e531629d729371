/**
 * Execution against the adopted plan (MODEL.md §9): voted vs paid, taux de
 * réalisation, remaining AP and late projects, by hand and on generated
 * documents; and reading the execution record (latest status, paid).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualsByProject, currentAp, lastActualYear } from '../../../shared/engine/actuals';
import { adoptPlan } from '../../../shared/engine/annex';
import { executionReport } from '../../../shared/engine/execution';
import type { ActualEntry, Portfolio, Project } from '../../../shared/model/portfolio';
import { validPortfolioArb } from '../../support/arbitraries';

function project(id: string, investment: number[], fields: Partial<Project> = {}): Project {
  return {
    id,
    name: `Projet ${id}`,
    scores: { usagers: 3 },
    investment,
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

/** A, B, C adopted in 2027; actuals given. */
function adopted(actuals: ActualEntry[]): Portfolio {
  const doc = portfolio([
    project('A', [100000, 200000]),
    project('B', [50000]),
    project('C', [40000, 40000]),
  ]);
  const baseline = adoptPlan(
    doc,
    [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
      { project: 'C', start: 2027 },
    ],
    { date: '2027-01-15', meeting: 'CODIR' },
  );
  return { ...doc, baseline, actuals };
}

describe('execution record', () => {
  it('takes the status of the latest year that has one, and en-cours when only payments are known', () => {
    const doc = portfolio([project('A', [1]), project('B', [1]), project('C', [1])], {
      actuals: [
        { project: 'A', year: 2028, paid: 10, status: 'livre' },
        { project: 'A', year: 2027, paid: 90, status: 'en-cours' },
        { project: 'A', year: 2029, paid: 5 },
        { project: 'B', year: 2027, paid: 40 },
        { project: 'C', year: 2027, paid: 0 },
      ],
    });
    const record = actualsByProject(doc);
    expect(record.get('A')).toMatchObject({ status: 'livre', paid: 105, startedIn: 2027 });
    expect(record.get('B')).toMatchObject({ status: 'en-cours', paid: 40, startedIn: 2027 });
    expect(record.get('C')).toMatchObject({ status: 'non-demarre', paid: 0, startedIn: null });
    expect(lastActualYear(doc)).toBe(2029);
    expect(lastActualYear(portfolio([]))).toBeNull();
  });

  it('counts the CP paid before the horizon in the current AP', () => {
    const doc = portfolio([project('A', [70000], { fixedStart: 2028 })], {
      horizon: { firstYear: 2028, years: 4 },
      actuals: [
        { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
        { project: 'A', year: 2028, paid: 30000 },
      ],
    });
    const a = actualsByProject(doc).get('A')!;
    expect(a.paidBefore).toBe(80000);
    expect(currentAp(doc.projects[0]!, a)).toBe(150000);
  });
});

describe('execution report', () => {
  it('compares voted and paid, year by year, over the closed years', () => {
    const r = executionReport(
      adopted([
        { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
        { project: 'C', year: 2027, paid: 40000, status: 'en-cours' },
      ]),
    );
    expect(r.asOf).toBe(2027);
    expect(r.years.map((y) => [y.year, y.voted, y.paid, y.rate, y.closed])).toEqual([
      [2027, 140000, 120000, 120000 / 140000, true],
      [2028, 290000, 0, null, false],
    ]);
    expect(r.rate).toBeCloseTo(120000 / 140000, 12);
    const a = r.projects.find((p) => p.project === 'A')!;
    expect(a).toMatchObject({
      status: 'en-cours',
      plannedStart: 2027,
      startedIn: 2027,
      voted: 300000,
      paid: 80000,
      rate: 0.8,
      ap: 300000,
      remaining: 220000,
      late: [{ kind: 'paid', years: [2027] }],
    });
    // C paid what was voted; B starts in 2028, not a closed year yet.
    expect(r.late).toEqual(['A']);
  });

  it('finds the projects late against the baseline once a second year is closed', () => {
    const r = executionReport(
      adopted([
        { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
        { project: 'A', year: 2028, paid: 190000, status: 'livre' },
        { project: 'C', year: 2027, paid: 0 },
        { project: 'C', year: 2028, paid: 45000, status: 'en-cours' },
      ]),
    );
    expect(r.asOf).toBe(2028);
    // A was delivered for less: not late. B never started. C started a year late.
    expect(r.late).toEqual(['B', 'C']);
    expect(r.projects.find((p) => p.project === 'B')!.late).toEqual([
      { kind: 'start', planned: 2028, actual: null },
      { kind: 'paid', years: [2028] },
    ]);
    expect(r.projects.find((p) => p.project === 'C')!.late).toEqual([
      { kind: 'start', planned: 2027, actual: 2028 },
      { kind: 'paid', years: [2027] },
    ]);
    // 2027: 80 000 + 0 of 140 000; 2028: 190 000 + 45 000 of 290 000.
    expect(r.years.map((y) => y.rate)).toEqual([80000 / 140000, 235000 / 290000]);
    expect(r.rate).toBeCloseTo(315000 / 430000, 12);
    expect(r.projects.find((p) => p.project === 'A')!.remaining).toBe(30000);
  });

  it('follows the CP kept by the baseline, not the schedule edited since', () => {
    const doc = adopted([{ project: 'A', year: 2027, paid: 100000, status: 'en-cours' }]);
    const edited = {
      ...doc,
      projects: doc.projects.map((p) =>
        p.id === 'A' ? { ...p, investment: [150000, 250000] } : p,
      ),
    };
    const a = executionReport(edited).projects.find((p) => p.project === 'A')!;
    expect(a.voted).toBe(300000);
    expect(a.rate).toBe(1);
    expect(a.ap).toBe(400000);
    expect(a.remaining).toBe(300000);
  });

  it('uses the plan given when the document has no baseline, and follows paid projects outside it', () => {
    const doc = portfolio([project('A', [100000]), project('X', [10000])], {
      actuals: [
        { project: 'A', year: 2027, paid: 50000 },
        { project: 'X', year: 2027, paid: 10000, status: 'livre' },
      ],
    });
    const r = executionReport(doc, { plan: [{ project: 'A', start: 2027 }] });
    expect(r.projects.map((p) => [p.project, p.voted, p.paid, p.plannedStart])).toEqual([
      ['A', 100000, 50000, 2027],
      ['X', 0, 10000, null],
    ]);
    expect(r.years[0]).toMatchObject({ voted: 100000, paid: 60000 });
    expect(executionReport(doc).projects.every((p) => p.voted === 0)).toBe(true);
  });

  it('adds up per project to the yearly figures and keeps remaining = AP − paid on generated documents', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ maxProjects: 8, withScenarios: false }).chain((doc) =>
          fc.record({
            doc: fc.constant(doc),
            paid: fc.array(
              fc.record({
                project: fc.nat({ max: 99 }),
                year: fc.integer({ min: 0, max: 3 }),
                paid: fc.integer({ min: 0, max: 400 }),
                status: fc.constantFrom(undefined, 'en-cours', 'livre', 'abandonne'),
              }),
              { maxLength: 12 },
            ),
          }),
        ),
        ({ doc, paid }) => {
          fc.pre(doc.projects.length > 0);
          const { firstYear, years } = doc.horizon;
          const plan = doc.projects
            .filter((_, i) => i % 2 === 0)
            .map((p, i) => ({
              project: p.id,
              start: firstYear + (i % Math.max(1, years - p.investment.length + 1)),
            }));
          const seen = new Set<string>();
          const actuals: ActualEntry[] = [];
          for (const row of paid) {
            const id = doc.projects[row.project % doc.projects.length]!.id;
            const key = `${id}/${row.year}`;
            if (seen.has(key)) continue;
            seen.add(key);
            actuals.push({
              project: id,
              year: firstYear + row.year,
              paid: row.paid * 100,
              ...(row.status ? { status: row.status } : {}),
            });
          }
          const withBaseline: Portfolio = {
            ...doc,
            baseline: adoptPlan(doc, plan, { date: '2027-01-15' }),
            actuals,
          };
          const r = executionReport(withBaseline);
          r.years.forEach((y, i) => {
            const voted = r.projects.reduce((s, p) => s + p.years[i]!.voted, 0);
            const paidYear = r.projects.reduce((s, p) => s + p.years[i]!.paid, 0);
            expect(y.voted).toBeCloseTo(voted, 2);
            expect(y.paid).toBeCloseTo(paidYear, 2);
            // Paid that year, straight from the rows.
            const rows = actuals.filter((a) => a.year === y.year).reduce((s, a) => s + a.paid, 0);
            expect(y.paid).toBeCloseTo(rows, 2);
            if (y.rate !== null) expect(y.rate).toBeCloseTo(y.paid / y.voted, 12);
          });
          for (const p of r.projects) {
            expect(p.remaining).toBeCloseTo(p.ap - p.paid, 2);
            const project = doc.projects.find((q) => q.id === p.project)!;
            const entry = plan.find((e) => e.project === p.project);
            // Voted = Σ of the adopted schedule; nothing for a project outside the plan.
            expect(p.voted).toBeCloseTo(
              entry ? project.investment.reduce((s, x) => s + x, 0) : 0,
              2,
            );
            if (p.status === 'livre') expect(p.late).toEqual([]);
          }
          expect(r.asOf).toBe(actuals.length ? Math.max(...actuals.map((a) => a.year)) : null);
        },
      ),
      { numRuns: 150 },
    );
  });
});
