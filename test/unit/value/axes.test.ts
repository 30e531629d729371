/** What a plan gives to each strategic axis (shared/engine/axes.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisBreakdown } from '../../../shared/engine/axes';
import { netInvestment } from '../../../shared/engine/plan';
import { projectValue } from '../../../shared/engine/value';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import demo from '../../../resources/demo.json';

function project(id: string, axes: string[] | undefined, score: number, money: number[]): Project {
  return {
    id,
    name: id,
    axes,
    scores: { c: score },
    investment: money,
    durationMonths: { low: 6, mode: 12, high: 18 },
  };
}

function portfolio(projects: Project[]): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'T', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'c', label: 'C', weight: 1 }],
    axes: [
      { id: 'A1', label: 'Un' },
      { id: 'A2', label: 'Deux' },
      { id: 'A3', label: 'Trois' },
    ],
    teams: [],
    budget: { investment: [1e6, 1e6, 1e6], operating: [0, 0, 0] },
    projects,
  };
}

describe('axis breakdown', () => {
  it('shares a project between its axes, lists empty axes, and gathers projects with no axis', () => {
    const p = portfolio([
      project('P1', ['A1', 'A2'], 5, [100_000, 50_000]),
      { ...project('P2', ['A1'], 3, [40_000]), subsidyRate: 0.25 },
      project('P3', undefined, 1, [10_000]),
      project('P4', ['A2'], 4, [999_999]),
    ]);
    const out = axisBreakdown(p, [
      { project: 'P1', start: 2027 },
      { project: 'P2', start: 2028 },
      { project: 'P3', start: 2027 },
    ]);
    expect(out.map((s) => s.axis)).toEqual(['A1', 'A2', 'A3', null]);
    // P1 is worth 100 points and 150 000 €, half to A1 and half to A2.
    expect(out[0]).toMatchObject({
      value: 50 + 60,
      investment: 75_000 + 30_000,
      projects: ['P1', 'P2'],
    });
    expect(out[1]).toMatchObject({ value: 50, investment: 75_000, projects: ['P1'] });
    expect(out[2]).toMatchObject({ value: 0, investment: 0, projects: [] });
    expect(out[3]).toMatchObject({ value: 20, investment: 10_000, projects: ['P3'] });
  });

  it('the axes add up to the plan’s value and net investment (demo, random plans)', () => {
    const p = demo as unknown as Portfolio;
    fc.assert(
      fc.property(fc.subarray(p.projects.map((x) => x.id)), (ids) => {
        const plan = ids.map((id) => ({ project: id, start: 2027 }));
        const out = axisBreakdown(p, plan);
        const chosen = p.projects.filter((x) => ids.includes(x.id));
        const value = chosen.reduce((s, x) => s + projectValue(p.criteria, x), 0);
        const money = chosen.reduce((s, x) => s + netInvestment(x), 0);
        expect(out.reduce((s, a) => s + a.value, 0)).toBeCloseTo(value, 6);
        expect(out.reduce((s, a) => s + a.investment, 0)).toBeCloseTo(money, 3);
        expect(out.slice(0, p.axes!.length).map((a) => a.axis)).toEqual(p.axes!.map((a) => a.id));
      }),
      { numRuns: 50 },
    );
  });

  it('an empty plan gives every axis zero', () => {
    const out = axisBreakdown(demo as unknown as Portfolio, []);
    expect(out.every((a) => a.value === 0 && a.investment === 0 && a.projects.length === 0)).toBe(
      true,
    );
  });
});
