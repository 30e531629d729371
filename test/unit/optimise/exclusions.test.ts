/**
 * Why a project is left out (shared/engine/optimise/exclusions.ts),
 * checked with the optimiser's plan checker as an independent oracle: when
 * the screen says no start year leaves room, adding the project in any of
 * those years breaks a rule; when it says there is room, adding it there
 * breaks none. Hand-made cases cover each kind of reason.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan, rankingHeuristic } from '../../../shared/engine/optimise';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type Project,
  type ResolvedScenario,
} from '../../../shared/model/portfolio';
import { exclusionReasons } from '../../../shared/engine/optimise/exclusions';

const demo = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
) as Portfolio;

/** Checks every reason of `plan` against the plan checker. */
function checkAgainstOracle(portfolio: Portfolio, scenario: ResolvedScenario, plan: PlanEntry[]) {
  expect(checkPlan(portfolio, scenario, plan)).toEqual([]);
  const reasons = exclusionReasons(portfolio, scenario, plan);
  const inPlan = new Set(plan.map((e) => e.project));
  // Every project outside the plan, once, highest value first.
  expect(reasons.map((r) => r.project).sort()).toEqual(
    portfolio.projects
      .map((p) => p.id)
      .filter((id) => !inPlan.has(id))
      .sort(),
  );
  reasons.forEach((r, i) => i > 0 && expect(r.value).toBeLessThanOrEqual(reasons[i - 1]!.value));
  for (const r of reasons) {
    const add = (start: number) =>
      checkPlan(portfolio, scenario, [...plan, { project: r.project, start }]);
    switch (r.reason.kind) {
      case 'blocked':
        expect(r.reason.starts.length).toBeGreaterThan(0);
        for (const s of r.reason.starts) {
          expect(s.blockers.length).toBeGreaterThan(0);
          expect(add(s.year), `${r.project} in ${s.year}`).not.toEqual([]);
          for (const b of s.blockers) {
            if (b.kind === 'investment' || b.kind === 'operating' || b.kind === 'team') {
              expect(b.need).toBeGreaterThan(b.room);
            }
          }
        }
        expect(r.reason.mainCount).toBeLessThanOrEqual(r.reason.starts.length);
        break;
      case 'fits':
        for (const year of r.reason.years) expect(add(year), `${r.project} in ${year}`).toEqual([]);
        break;
      case 'forcedOut':
        expect(scenario.forceOut).toContain(r.project);
        break;
      case 'alternative':
        expect(inPlan.has(r.reason.project)).toBe(true);
        break;
      default: {
        // Forced out through a predecessor, or no start in the horizon: no year works.
        const first = portfolio.horizon.firstYear;
        for (let y = first; y < first + portfolio.horizon.years; y++)
          expect(add(y)).not.toEqual([]);
      }
    }
  }
  return reasons;
}

describe('projects left out of a plan, and why', () => {
  for (const scenario of demo.scenarios ?? []) {
    it(`agrees with the plan checker on the demo's « ${scenario.name} »`, () => {
      const resolved = resolveScenario(demo, scenario.id)!;
      const h = rankingHeuristic(demo, resolved);
      if (h.feasible) checkAgainstOracle(demo, resolved, h.plan);
      if (scenario.plan && checkPlan(demo, resolved, scenario.plan).length === 0) {
        checkAgainstOracle(demo, resolved, scenario.plan);
      }
    });
  }

  it('agrees with the plan checker on random feasible plans', () => {
    const resolved = resolveScenario(demo, 'reference')!;
    const required = rankingHeuristic(demo, resolved).plan.filter(
      (e) =>
        resolved.forceIn.includes(e.project) ||
        demo.projects.find((p) => p.id === e.project)?.mandatory,
    );
    const first = demo.horizon.firstYear;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          demo.projects.map((p) => p.id),
          { minLength: 5 },
        ),
        fc.array(fc.integer({ min: 0, max: demo.horizon.years - 1 }), {
          minLength: 41,
          maxLength: 41,
        }),
        (order, years) => {
          // Greedy: keep each (project, year) that leaves the plan valid.
          let plan = [...required];
          order.forEach((id, k) => {
            if (plan.some((e) => e.project === id)) return;
            const candidate = [...plan, { project: id, start: first + years[k]! }];
            if (checkPlan(demo, resolved, candidate).length === 0) plan = candidate;
          });
          if (checkPlan(demo, resolved, plan).length > 0) return;
          checkAgainstOracle(demo, resolved, plan);
        },
      ),
      { numRuns: 15, seed: 20270101 },
    );
  });

  const base: Portfolio = {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'X', kind: 'commune', fctvaRegime: 'N' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'a', label: 'A', weight: 1 }],
    directions: [{ id: 'd', label: 'D', maxConcurrent: 1 }],
    teams: [{ id: 't', label: 'T', capacity: [10, 10, 10] }],
    budget: { investment: [100, 100, 100], operating: [0, 0, 0] },
    projects: [],
    scenarios: [{ id: 's', name: 'S', forceOut: ['X1'] }],
  };
  const p = (id: string, score: number, extra: Partial<Project> = {}): Project => ({
    id,
    name: id,
    scores: { a: score },
    investment: [60],
    durationMonths: { low: 1, mode: 2, high: 3 },
    ...extra,
  });

  it('names each kind of reason on a hand-made portfolio', () => {
    const doc: Portfolio = {
      ...base,
      projects: [
        p('A', 5),
        p('B', 5),
        p('C', 5),
        p('X1', 4),
        p('X2', 4, { dependsOn: ['X1'] }),
        p('ALT', 4, { excludes: ['A'] }),
        p('LONG', 4, { investment: [1, 1, 1, 1] }),
        p('LATE', 4, { investment: [1, 1], earliestStart: 2029 }),
        p('BIG', 3, { investment: [90] }),
        p('TEAM', 3, { investment: [0], staff: [{ team: 't', days: [11] }] }),
        p('DIR', 2, { investment: [0], direction: 'd' }),
        p('DIR0', 1, { investment: [0], direction: 'd' }),
      ],
    };
    const scenario = resolveScenario(doc, 's')!;
    const plan = [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
      { project: 'C', start: 2029 },
      { project: 'DIR0', start: 2027 },
      { project: 'DIR', start: 2028 },
    ];
    const reasons = checkAgainstOracle(
      doc,
      scenario,
      plan.filter((e) => e.project !== 'DIR'),
    );
    const of = (id: string) => reasons.find((r) => r.project === id)!.reason;
    expect(of('X1')).toEqual({ kind: 'forcedOut' });
    expect(of('X2')).toEqual({ kind: 'forcedOutThrough', project: 'X1' });
    expect(of('ALT')).toEqual({ kind: 'alternative', project: 'A' });
    expect(of('LONG')).toEqual({ kind: 'horizon', earliest: 2027, latest: 2026 });
    expect(of('LATE').kind).toBe('horizon');
    // 90 k of investment where only 40 is left each year.
    const big = of('BIG');
    expect(big.kind).toBe('blocked');
    if (big.kind === 'blocked') {
      expect(big.main).toEqual(['investment']);
      expect(big.mainCount).toBe(3);
      expect(big.starts[0]!.blockers).toEqual([
        { kind: 'investment', year: 2027, need: 90, room: 40 },
      ]);
    }
    const team = of('TEAM');
    expect(team.kind === 'blocked' && team.main).toEqual(['team:t']);
    // The direction allows one project at a time: only 2028 and 2029 are free.
    expect(of('DIR')).toEqual({ kind: 'fits', years: [2028, 2029] });

    const full = checkAgainstOracle(doc, scenario, plan);
    const dir = full.find((r) => r.project === 'DIR');
    expect(dir).toBeUndefined();
    expect(exclusionReasons(doc, scenario, plan, 2)).toHaveLength(2);
  });

  it('explains a missing or late prerequisite', () => {
    const doc: Portfolio = {
      ...base,
      scenarios: [{ id: 's', name: 'S' }],
      projects: [
        p('PRE', 1, { investment: [10, 10] }),
        p('POST', 5, { investment: [10], dependsOn: ['PRE'] }),
      ],
    };
    const scenario = resolveScenario(doc, 's')!;
    const without = exclusionReasons(doc, scenario, []);
    const post = without.find((r) => r.project === 'POST')!.reason;
    expect(post.kind === 'blocked' && post.main).toEqual(['dependency']);
    const late = exclusionReasons(doc, scenario, [{ project: 'PRE', start: 2028 }]);
    const r = late.find((x) => x.project === 'POST')!.reason;
    expect(r.kind).toBe('blocked');
    if (r.kind === 'blocked') {
      expect(r.starts[0]!.blockers).toEqual([{ kind: 'dependency', project: 'PRE', end: 2029 }]);
    }
    checkAgainstOracle(doc, scenario, [{ project: 'PRE', start: 2027 }]);
  });
});
