/**
 * The project sheet's execution table (renderer/src/screens/project/execution.ts)
 * and self-financing floor: which years it shows and what was voted, and
 * each cell's edit of `actuals`, applied, validated and undone.
 */
import { describe, expect, it } from 'vitest';
import { adoptPlan } from '../../../shared/engine/annex';
import { applyEdit, inverseOps, type EditOp } from '../../../shared/model/edits';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { projectProblems } from '../../../renderer/src/lib/portfolio/problems';
import {
  executionTable,
  paidOps,
  statusOps,
} from '../../../renderer/src/screens/project/execution';

function project(id: string, investment: number[], fields: Partial<Project> = {}): Project {
  return {
    id,
    name: `Projet ${id}`,
    scores: { usagers: 3 },
    investment,
    durationMonths: { low: 10, mode: 12, high: 18 },
    ...fields,
  };
}

function doc(): Portfolio {
  const d: Portfolio = {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [],
    budget: { investment: [1e6, 1e6, 1e6], operating: [1e5, 1e5, 1e5] },
    projects: [project('A', [100, 200, 300]), project('B', [50]), project('C', [70])],
    scenarios: [{ id: 's', name: 'S', plan: [{ project: 'B', start: 2029 }] }],
  };
  d.baseline = adoptPlan(d, [{ project: 'A', start: 2028 }], { date: '2026-12-01' });
  return d;
}

/** Applies the ops, checks the document stays valid and that the inverse gives it back. */
function applied(before: Portfolio, ops: EditOp[]): Portfolio {
  const after = applyEdit(before, ops);
  expect(validatePortfolio(after).ok).toBe(true);
  expect(applyEdit(after, inverseOps(before, ops))).toEqual(before);
  return after;
}

describe('the execution table of a project sheet', () => {
  it('shows the horizon widened to the adopted years, with the CP voted', () => {
    const d = doc();
    const t = executionTable(d, d.projects[0]!);
    expect(t.source).toBe('adopted');
    expect(t.start).toBe(2028);
    expect(t.columns.map((c) => [c.year, c.voted])).toEqual([
      [2027, 0],
      [2028, 100],
      [2029, 200],
      [2030, 300],
    ]);
  });

  it('falls back on the scenario’s plan, else votes nothing; rows widen the years', () => {
    const d = doc();
    d.actuals = [{ project: 'C', year: 2025, paid: 10 }];
    const b = executionTable(d, d.projects[1]!);
    expect([b.source, b.start]).toEqual(['planned', 2029]);
    expect(b.columns.find((c) => c.year === 2029)!.voted).toBe(50);
    const c = executionTable(d, d.projects[2]!);
    expect(c.source).toBe('none');
    expect(c.columns.map((k) => k.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
    expect(c.columns.every((k) => k.voted === null)).toBe(true);
    expect(c.columns[0]!.row).toEqual({ project: 'C', year: 2025, paid: 10 });
  });

  it('writes a paid amount, keeping each project’s rows in year order', () => {
    let d = doc();
    d = applied(d, paidOps(d, 'A', 2029, 150));
    d = applied(d, paidOps(d, 'B', 2029, 20));
    d = applied(d, paidOps(d, 'A', 2028, 90));
    expect(d.actuals).toEqual([
      { project: 'A', year: 2028, paid: 90 },
      { project: 'A', year: 2029, paid: 150 },
      { project: 'B', year: 2029, paid: 20 },
    ]);
    d = applied(d, paidOps(d, 'A', 2029, 151.5));
    expect(d.actuals![1]).toEqual({ project: 'A', year: 2029, paid: 151.5 });
    // Emptied: the row goes; the last one gone, the section too.
    d = applied(d, paidOps(d, 'A', 2029, undefined));
    d = applied(d, paidOps(d, 'A', 2028, undefined));
    d = applied(d, paidOps(d, 'B', 2029, undefined));
    expect(d.actuals).toBeUndefined();
    expect(paidOps(d, 'A', 2027, undefined)).toEqual([]);
  });

  it('writes a status, a row of 0 paid when there was none; cleared, the empty row goes', () => {
    let d = doc();
    d = applied(d, statusOps(d, 'A', 2028, 'en-cours'));
    expect(d.actuals).toEqual([{ project: 'A', year: 2028, paid: 0, status: 'en-cours' }]);
    d = applied(d, paidOps(d, 'A', 2028, 80));
    d = applied(d, statusOps(d, 'A', 2028, 'livre'));
    expect(d.actuals).toEqual([{ project: 'A', year: 2028, paid: 80, status: 'livre' }]);
    // A status keeps its row when the amount is emptied (0 paid)…
    d = applied(d, paidOps(d, 'A', 2028, undefined));
    expect(d.actuals).toEqual([{ project: 'A', year: 2028, paid: 0, status: 'livre' }]);
    // …and with nothing paid, clearing the status removes the row.
    d = applied(d, statusOps(d, 'A', 2028, undefined));
    expect(d.actuals).toBeUndefined();
    d = applied(d, paidOps(d, 'A', 2028, 5));
    d = applied(d, statusOps(d, 'A', 2028, 'abandonne'));
    d = applied(d, statusOps(d, 'A', 2028, undefined));
    expect(d.actuals).toEqual([{ project: 'A', year: 2028, paid: 5 }]);
  });
});

describe('the self-financing floor on the sheet', () => {
  it('is a rate: refused outside 0–100 % at its field', () => {
    const d = doc();
    const p = { ...d.projects[0]!, selfFinancingFloor: 1.5 };
    expect(projectProblems(d, p).map((x) => x.path)).toContain('selfFinancingFloor');
    expect(projectProblems(d, { ...p, selfFinancingFloor: 0.3 })).toEqual([]);
  });
});
