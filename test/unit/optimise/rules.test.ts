/**
 * Each rule of MODEL.md §4 on a hand-made tiny portfolio where it binds: the
 * optimum differs from what it would be without the rule, and the plan is
 * checked by the tests' own checker.
 */
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimise } from '../../../shared/engine/optimise';
import type { Portfolio, Project, Scenario } from '../../../shared/model/portfolio';
import { settingsOf, violations } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

function project(id: string, score: number, extra: Partial<Project> = {}): Project {
  return {
    id,
    name: `Projet ${id}`,
    scores: { v: score },
    investment: [100],
    durationMonths: { low: 12, mode: 12, high: 12 },
    ...extra,
  };
}

function doc(
  projects: Project[],
  extra: Partial<Portfolio> = {},
  scenario: Partial<Scenario> = {},
): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 2 },
    criteria: [{ id: 'v', label: 'Valeur', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [1000, 1000] }],
    budget: { investment: [1000, 1000], operating: [1000, 1000] },
    projects,
    scenarios: [{ id: 's', name: 'S', timePreference: 0.1, ...scenario }],
    ...extra,
  };
}

async function solve(d: Portfolio) {
  const r = await optimise(highs, d, { gap: 0 });
  if (r.status === 'optimal') expect(violations(d, settingsOf(d), r.plan)).toEqual([]);
  return r;
}
const starts = (r: { plan: { project: string; start: number }[] }) =>
  Object.fromEntries(r.plan.map((e) => [e.project, e.start]));

describe('each rule of the optimiser binds where it should', () => {
  it('takes every project at its earliest start when nothing binds', async () => {
    const r = await solve(doc([project('A', 5), project('B', 3)]));
    expect(starts(r)).toEqual({ A: 2027, B: 2027 });
    expect(r.objective).toBeCloseTo(100 + 60, 9);
  });

  it('pushes a project to a later year when the investment envelope is full (net of subsidy)', async () => {
    const d = doc([project('A', 5), project('B', 4, { investment: [200], subsidyRate: 0.5 })], {
      budget: { investment: [150, 150], operating: [0, 0] },
    });
    const r = await solve(d);
    // B costs 100 net: A and B do not fit the same year.
    expect(Object.keys(starts(r)).sort()).toEqual(['A', 'B']);
    expect(starts(r).A).toBe(2027);
    expect(starts(r).B).toBe(2028);
    expect(r.usage.investment).toEqual([100, 100]);
  });

  it('applies the scenario investment factor to the envelope', async () => {
    const d = doc(
      [project('A', 5), project('B', 4)],
      { budget: { investment: [100, 0], operating: [0, 0] } },
      {
        budgetFactor: { investment: 2 },
      },
    );
    expect(starts(await solve(d))).toEqual({ A: 2027, B: 2027 });
  });

  it('keeps run costs within the operating envelope, with savings freeing room but not partner-reduced', async () => {
    const costly = project('A', 5, { runCost: 50 });
    const saver = project('S', 1, { savings: 40, partnerShare: 0.5 });
    const base = {
      horizon: { firstYear: 2027, years: 3 },
      teams: [],
      budget: { investment: [1000, 1000, 1000], operating: [10, 10, 10] },
    };
    // Without the saver A can only start in the last year, when it runs no
    // year inside the horizon; S saves 40 (not 20), so A (50) fits in 10.
    const alone = await solve(doc([costly], base));
    expect(starts(alone)).toEqual({ A: 2029 });
    const both = await solve(doc([costly, saver], base));
    expect(starts(both)).toEqual({ A: 2027, S: 2027 });
    expect(both.usage.operating).toEqual([0, 10, 10]);
  });

  it('counts only the authority’s share of the run cost and the believed share of savings', async () => {
    const d = doc(
      [project('A', 5, { runCost: 40, partnerShare: 0.5 }), project('S', 1, { savings: 20 })],
      {
        horizon: { firstYear: 2027, years: 3 },
        teams: [],
        budget: { investment: [1000, 1000, 1000], operating: [10, 10, 10] },
      },
      { savingsCredit: 0.5 },
    );
    // A costs 20, S saves 10: 10 <= 10.
    const r = await solve(d);
    expect(starts(r)).toEqual({ A: 2027, S: 2027 });
    expect(r.usage.operating[1]).toBeCloseTo(10, 9);
  });

  it('respects each team’s capacity with the capacity factor applied', async () => {
    const need = (days: number) => ({ staff: [{ team: 'dsi', days: [days] }] });
    const d = doc(
      [project('A', 5, need(60)), project('B', 4, need(60))],
      {
        teams: [{ id: 'dsi', label: 'DSI', capacity: [200, 200] }],
      },
      { capacityFactor: 0.5 },
    );
    const r = await solve(d);
    expect(new Set(Object.values(starts(r)))).toEqual(new Set([2027, 2028]));
    expect(r.usage.teams.dsi).toEqual([60, 60]);
  });

  it('limits the projects of a direction in build at once', async () => {
    const d = doc(
      [
        project('A', 5, { direction: 'x' }),
        project('B', 4, { direction: 'x' }),
        project('C', 3, { direction: 'x' }),
      ],
      {
        directions: [{ id: 'x', label: 'X', maxConcurrent: 2 }],
        horizon: { firstYear: 2027, years: 1 },
        budget: { investment: [1000], operating: [0] },
        teams: [],
      },
    );
    const r = await solve(d);
    expect(Object.keys(starts(r)).sort()).toEqual(['A', 'B']);
  });

  it('starts a dependant only once its predecessor is finished, and takes the predecessor for it', async () => {
    const d = doc(
      [project('P', 0, { investment: [10, 10] }), project('Q', 5, { dependsOn: ['P'] })],
      {
        horizon: { firstYear: 2027, years: 3 },
        budget: { investment: [1000, 1000, 1000], operating: [0, 0, 0] },
      },
    );
    const r = await solve(d);
    expect(starts(r)).toEqual({ P: 2027, Q: 2029 });
  });

  it('chooses one of two alternatives', async () => {
    const r = await solve(doc([project('A', 3, { excludes: ['B'] }), project('B', 4)]));
    expect(starts(r)).toEqual({ B: 2027 });
  });

  it('includes mandatory and forced-in projects even at a loss, and drops forced-out ones with their dependants', async () => {
    const d = doc(
      [
        project('M', 1, { mandatory: true }),
        project('F', 1),
        project('O', 5),
        project('D', 5, { dependsOn: ['O'] }),
        project('X', 5),
      ],
      {
        budget: { investment: [300, 0], operating: [0, 0] },
        horizon: { firstYear: 2027, years: 2 },
      },
      { forceIn: ['F'], forceOut: ['O'] },
    );
    const r = await solve(d);
    expect(starts(r)).toEqual({ M: 2027, F: 2027, X: 2027 });
  });

  it('follows a fixed start over an earliest start, and never starts before the earliest start', async () => {
    const d = doc([
      project('F', 1, { fixedStart: 2028, earliestStart: 2027 }),
      project('E', 5, { earliestStart: 2028 }),
    ]);
    expect(starts(await solve(d))).toEqual({ F: 2028, E: 2028 });
  });

  it('keeps every build inside the horizon', async () => {
    const r = await solve(doc([project('L', 5, { investment: [10, 10, 10] }), project('S', 1)]));
    expect(starts(r)).toEqual({ S: 2027 });
  });

  it('prefers starting earlier by the time preference', async () => {
    // Only one of A (value 100) and B (value 95) per year; A first is worth 100 + 95×0.9.
    const d = doc([project('A', 5), project('B', 4.75)], {
      budget: { investment: [100, 100], operating: [0, 0] },
    });
    const r = await solve(d);
    expect(starts(r)).toEqual({ A: 2027, B: 2028 });
    expect(r.objective).toBeCloseTo(100 + 95 * 0.9, 9);
  });
});
