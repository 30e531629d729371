/**
 * When no plan can hold, the optimiser says so and why, naming the projects,
 * the years and the amounts; and the example documents solve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frontier, optimise } from '../../../shared/engine/optimise';
import type { Portfolio, Project } from '../../../shared/model/portfolio';
import { settingsOf, violations } from './oracle';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const fixture = (name: string): Portfolio =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures', `${name}.json`), 'utf8')) as Portfolio;

function project(id: string, extra: Partial<Project> = {}): Project {
  return {
    id,
    name: `Projet ${id}`,
    scores: { v: 3 },
    investment: [100],
    durationMonths: { low: 12, mode: 12, high: 12 },
    ...extra,
  };
}
function doc(
  projects: Project[],
  extra: Partial<Portfolio> = {},
  forceOut: string[] = [],
): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Test', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'v', label: 'Valeur', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 100, 100] }],
    budget: { investment: [1000, 1000, 1000], operating: [0, 0, 0] },
    projects,
    scenarios: [{ id: 's', name: 'S', forceOut }],
    ...extra,
  };
}

describe('an infeasible portfolio is explained', () => {
  it('names the mandatory projects, the year and the amounts of infaisable.json', async () => {
    const r = await optimise(highs, fixture('infaisable'));
    expect(r.status).toBe('infeasible');
    expect(r.plan).toEqual([]);
    const text = r.reasons.join(' ');
    expect(text).toMatch(/obligatoires P05 et P11/);
    expect(text).toMatch(/2029/);
    expect(text).toMatch(/1,21 M€/);
    expect(text).toMatch(/1,01 M€/);
  });

  it('says when a required project is also forced out, directly or through its predecessor', async () => {
    const direct = await optimise(highs, doc([project('M', { mandatory: true })], {}, ['M']));
    expect(direct.status).toBe('infeasible');
    expect(direct.reasons.join(' ')).toMatch(/M.*écarté/);
    const through = await optimise(
      highs,
      doc([project('P'), project('M', { mandatory: true, dependsOn: ['P'] })], {}, ['P']),
    );
    expect(through.status).toBe('infeasible');
    expect(through.reasons.join(' ')).toMatch(/M dépend de P/);
  });

  it('says when a fixed start would build beyond the horizon', async () => {
    const r = await optimise(
      highs,
      doc([project('F', { fixedStart: 2029, investment: [10, 10] })]),
    );
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(/F.*2029.*2030/);
  });

  it('says when a dependency chain is too long for the horizon', async () => {
    const r = await optimise(
      highs,
      doc([
        project('P', { investment: [10, 10] }),
        project('Q', { mandatory: true, dependsOn: ['P'], investment: [10, 10] }),
      ]),
    );
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(/Q.*P/);
  });

  it('says when two required projects exclude each other', async () => {
    const r = await optimise(
      highs,
      doc([project('A', { mandatory: true, excludes: ['B'] }), project('B', { mandatory: true })]),
    );
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(/A et B.*s'excluent/);
  });

  it('names a team and its capacity when staff is short', async () => {
    const need = { staff: [{ team: 'dsi', days: [80] }] };
    const r = await optimise(
      highs,
      doc([
        project('A', { mandatory: true, fixedStart: 2028, ...need }),
        project('B', { mandatory: true, fixedStart: 2028, ...need }),
      ]),
    );
    expect(r.status).toBe('infeasible');
    expect(r.reasons.join(' ')).toMatch(/A et B.*160.*DSI.*2028.*100/);
  });

  it('finds the conflicting rules with the solver when no single year shows it', async () => {
    // Three mandatory one-year projects, each could go any year, but only two
    // years have room for one each: no single year is over, the whole is.
    const d = doc(
      [
        project('A', { mandatory: true }),
        project('B', { mandatory: true }),
        project('C', { mandatory: true }),
      ],
      { budget: { investment: [100, 100, 0], operating: [0, 0, 0] } },
    );
    const r = await optimise(highs, d);
    expect(r.status).toBe('infeasible');
    const text = r.reasons.join(' ');
    expect(text).toMatch(/A.*B.*C/);
    expect(text).toMatch(/investissement 2027/);
    expect(text).toMatch(/investissement 2028/);
  });
});

describe('the example documents', () => {
  it('solve petit.json and moyen.json into plans that break no rule and beat the heuristic', async () => {
    for (const name of ['petit', 'moyen']) {
      const d = fixture(name);
      for (const s of d.scenarios ?? []) {
        const r = await optimise(highs, d, { scenarioId: s.id, gap: 1e-2, timeLimitSeconds: 5 });
        expect(['optimal', 'feasible']).toContain(r.status);
        expect(violations(d, settingsOf(d, s.id), r.plan)).toEqual([]);
        expect(r.objective).toBeGreaterThanOrEqual(r.heuristic.objective - 1e-9);
        expect(r.usage.investment).toHaveLength(d.horizon.years);
      }
    }
  });

  it('draws a frontier of petit.json that never falls as the envelope grows', async () => {
    const { points } = await frontier(highs, fixture('petit'), {
      factors: [1.5, 0.5, 1, 0.75, 1.25],
      gap: 0,
    });
    expect(points.map((p) => p.factor)).toEqual([1.5, 0.5, 1, 0.75, 1.25]);
    const solved = points.filter((p) => p.status === 'optimal').sort((a, b) => a.factor - b.factor);
    expect(solved.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < solved.length; i++) {
      expect(solved[i]!.objective).toBeGreaterThanOrEqual(solved[i - 1]!.objective - 1e-9);
    }
    const d = fixture('petit');
    for (const p of solved) {
      const st = { ...settingsOf(d), invF: settingsOf(d).invF * p.factor };
      expect(violations(d, st, p.plan)).toEqual([]);
    }
  });
});
