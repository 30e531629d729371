import { describe, expect, it } from 'vitest';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import {
  buildRows,
  EMPTY_FILTER,
  filterRows,
  latestDecisions,
  nextProjectId,
  sortRows,
} from '../../../renderer/src/lib/portfolio/rows';

function project(i: number, extra: Partial<Project> = {}): Project {
  return {
    id: `P${String(i).padStart(2, '0')}`,
    name: `Projet ${i}`,
    scores: { a: i % 6 },
    investment: [1000 * i, 500],
    staff: [{ team: 't', days: [10, i] }],
    durationMonths: { low: 1, mode: 6 + i, high: 40 },
    ...extra,
  };
}

function portfolio(n: number): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'X', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'a', label: 'A', weight: 1 }],
    directions: [
      { id: 'fin', label: 'Finances' },
      { id: 'sol', label: 'Solidarités' },
    ],
    teams: [{ id: 't', label: 'T', capacity: [1, 1, 1] }],
    budget: { investment: [1, 1, 1], operating: [1, 1, 1] },
    projects: Array.from({ length: n }, (_, k) =>
      project(k + 1, {
        direction: k % 2 ? 'fin' : 'sol',
        mandatory: k % 5 === 0,
        ...(k === 2 ? { name: 'Démarches en ligne', usage: 'L’usager dépose sa demande' } : {}),
      }),
    ),
    decisions: [
      { date: '2027-01-10', project: 'P01', decision: 'à instruire' },
      { date: '2027-03-10', project: 'P01', decision: 'retenu' },
      { date: '2027-02-10', project: 'P02', decision: 'rejeté' },
    ],
  };
}

describe('the portfolio list rows', () => {
  it('computes totals, value and the latest decision of each project', () => {
    const rows = buildRows(portfolio(3));
    expect(rows[0]).toMatchObject({
      id: 'P01',
      investment: 1500,
      staffDays: 11,
      years: 2,
      value: 20,
      decision: 'retenu',
      directionLabel: 'Solidarités',
    });
    expect(rows[2]!.decision).toBeNull();
  });

  it('takes the latest decision by date whatever the order', () => {
    const m = latestDecisions([
      { date: '2027-05-01', project: 'P', decision: 'reporté' },
      { date: '2027-01-01', project: 'P', decision: 'retenu' },
    ]);
    expect(m.get('P')).toBe('reporté');
  });

  it('filters by text without caring for accents or case, by direction, decision, mandatory', () => {
    const rows = buildRows(portfolio(10));
    expect(filterRows(rows, { ...EMPTY_FILTER, text: 'DEMARCHES' }).map((r) => r.id)).toEqual([
      'P03',
    ]);
    expect(filterRows(rows, { ...EMPTY_FILTER, text: 'usager' }).map((r) => r.id)).toEqual(['P03']);
    expect(filterRows(rows, { ...EMPTY_FILTER, direction: 'fin' })).toHaveLength(5);
    expect(filterRows(rows, { ...EMPTY_FILTER, status: 'retenu' }).map((r) => r.id)).toEqual([
      'P01',
    ]);
    expect(filterRows(rows, { ...EMPTY_FILTER, status: 'none' })).toHaveLength(8);
    expect(filterRows(rows, { ...EMPTY_FILTER, mandatory: 'yes' }).map((r) => r.id)).toEqual([
      'P01',
      'P06',
    ]);
  });

  it('sorts by each column both ways, ties by id', () => {
    const rows = buildRows(portfolio(12));
    const inv = sortRows(rows, 'investment', 'desc').map((r) => r.investment);
    expect(inv).toEqual([...inv].sort((a, b) => b - a));
    const ids = sortRows(rows, 'id', 'asc').map((r) => r.id);
    expect(ids[0]).toBe('P01');
    expect(ids.at(-1)).toBe('P12');
    const byValue = sortRows(rows, 'value', 'asc');
    for (let i = 1; i < byValue.length; i++) {
      const a = byValue[i - 1]!;
      const b = byValue[i]!;
      expect(a.value < b.value || (a.value === b.value && a.id < b.id)).toBe(true);
    }
  });

  it('sorts by deadline, the earliest first and the projects without one after', () => {
    const p = portfolio(5);
    p.projects[3] = { ...p.projects[3]!, deadline: '2027-09' };
    p.projects[1] = { ...p.projects[1]!, deadline: '2028-01' };
    p.projects[4] = { ...p.projects[4]!, deadline: '2027-12' };
    const rows = buildRows(p);
    expect(rows.map((r) => r.deadline)).toEqual(['', '2028-01', '', '2027-09', '2027-12']);
    expect(sortRows(rows, 'deadline', 'asc').map((r) => r.id)).toEqual([
      'P04',
      'P05',
      'P02',
      'P01',
      'P03',
    ]);
  });

  it('handles 500 projects quickly enough to recompute on every keystroke', () => {
    const p = portfolio(500);
    const t0 = performance.now();
    const rows = buildRows(p);
    for (let i = 0; i < 20; i++)
      sortRows(filterRows(rows, { ...EMPTY_FILTER, text: 'projet 1' }), 'value', 'desc');
    const ms = performance.now() - t0;
    expect(rows).toHaveLength(500);
    console.log(`500 projects: rows + 20 filter/sort passes in ${ms.toFixed(1)} ms`);
  });

  it('proposes the next free project id', () => {
    expect(nextProjectId(['P01', 'P02', 'P41'])).toBe('P42');
    expect(nextProjectId([])).toBe('P01');
    expect(nextProjectId(['P099'])).toBe('P100');
  });
});
