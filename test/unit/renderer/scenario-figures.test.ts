/**
 * The scenario screen's figures (renderer/src/screens/scenario/figures.ts)
 * and the plan arithmetic they draw (shared/engine/plan.ts) checked against
 * closed forms on a hand-made portfolio, and, on the demo's scenarios,
 * against the tests' own reading of MODEL.md §4 (test/unit/optimise/oracle.ts
 * for the objective, and a yearly use written out below).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  prepareProblem,
  rankingHeuristic,
  scenarioObjective,
} from '../../../shared/engine/optimise';
import { ceilings, planLoads, type YearLoads } from '../../../shared/engine/plan';
import {
  resolveScenario,
  type PlanEntry,
  type Portfolio,
  type Project,
} from '../../../shared/model/portfolio';
import {
  envelopeYears,
  niceTicks,
  roadmapBars,
  teamHeatmap,
} from '../../../renderer/src/charts/data';
import { comparison } from '../../../renderer/src/screens/scenario/figures';
import { objective, settingsOf } from '../optimise/oracle';

const demo = JSON.parse(
  readFileSync(new URL('../../../resources/demo.json', import.meta.url), 'utf8'),
) as Portfolio;

const project = (id: string, extra: Partial<Project> = {}): Project => ({
  id,
  name: `Projet ${id}`,
  scores: { a: 5 },
  investment: [100, 200],
  durationMonths: { low: 1, mode: 2, high: 3 },
  ...extra,
});

const small: Portfolio = {
  format: 'arbitra-portfolio',
  version: 1,
  organisation: { name: 'X', kind: 'commune', fctvaRegime: 'N' },
  horizon: { firstYear: 2027, years: 4 },
  criteria: [
    { id: 'a', label: 'A', weight: 3 },
    { id: 'b', label: 'B', weight: 1 },
  ],
  directions: [
    { id: 'd1', label: 'D1', maxConcurrent: 1 },
    { id: 'd2', label: 'D2' },
  ],
  teams: [
    { id: 't', label: 'T', capacity: [10, 20, 30, 40] },
    { id: 'z', label: 'Z', capacity: [0, 0, 5, 5] },
  ],
  budget: { investment: [1000, 1000, 1000, 1000], operating: [50, 50, 50, 50] },
  projects: [
    project('P1', {
      subsidyRate: 0.3,
      partnerShare: 0.2,
      runCost: 40,
      savings: 10,
      direction: 'd1',
      staff: [{ team: 't', days: [4, 6] }],
    }),
    project('P2', { investment: [300], scores: { a: 2, b: 4 }, direction: 'd2' }),
  ],
  scenarios: [
    {
      id: 's',
      name: 'S',
      budgetFactor: { investment: 0.5, operating: 2 },
      capacityFactor: 1.5,
      timePreference: 0.1,
      savingsCredit: 0.5,
    },
  ],
};
const s = resolveScenario(small, 's')!;

const close = (actual: number[] | undefined, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => expect(actual![i]).toBeCloseTo(x, 9));
};

describe('figures of a plan', () => {
  it('applies the scenario factors to envelopes and capacities', () => {
    const c = ceilings(small, s);
    expect(c.investment).toEqual([500, 500, 500, 500]);
    expect(c.operating).toEqual([100, 100, 100, 100]);
    expect(c.teams.t).toEqual([15, 30, 45, 60]);
    expect(c.directions).toEqual({ d1: 1 });
  });

  it('counts net investment in build years and net running cost after them (closed form)', () => {
    const loads = planLoads(small, s, [{ project: 'P1', start: 2028 }]);
    // net share 1 - 0.3 - 0.2 = 0.5 of [100, 200], in 2028 and 2029.
    close(loads.investment, [0, 50, 100, 0]);
    // 40 × (1 - 0.2) - 0.5 × 10 = 27 from 2030 on.
    close(loads.operating, [0, 0, 0, 27]);
    expect(loads.teams.t).toEqual([0, 4, 6, 0]);
    expect(loads.teams.z).toEqual([0, 0, 0, 0]);
    expect(loads.directions.d1).toEqual([0, 1, 1, 0]);
  });

  it('discounts each value by its start year (closed form)', () => {
    // V(P1) = 100 × (0.75 × 5 + 0.25 × 0) / 5 = 75; V(P2) = 100 × (0.75 × 2 + 0.25 × 4) / 5 = 50.
    const v = scenarioObjective(small, s, [
      { project: 'P1', start: 2028 },
      { project: 'P2', start: 2027 },
    ]);
    expect(v).toBeCloseTo(75 * 0.9 + 50, 10);
  });

  it('draws each planned project from its start to its last build year, by start year', () => {
    const bars = roadmapBars(small, [
      { project: 'P1', start: 2028 },
      { project: 'P2', start: 2027 },
    ]);
    expect(bars.map((b) => [b.project, b.start, b.end, b.direction])).toEqual([
      ['P2', 2027, 2027, 'd2'],
      ['P1', 2028, 2029, 'd1'],
    ]);
    expect(bars[1]!.value).toBeCloseTo(75, 10);
  });

  it('marks a postponement past the first year and a deadline on the bars', () => {
    const withDeadline: Portfolio = {
      ...small,
      projects: small.projects.map((p) => (p.id === 'P1' ? { ...p, deadline: '2029-06' } : p)),
    };
    const plan = [
      { project: 'P1', start: 2028 },
      { project: 'P2', start: 2027 },
    ];
    const bars = roadmapBars(withDeadline, plan, { P1: 2028, P2: 2027 });
    const p1 = bars.find((b) => b.project === 'P1')!;
    const p2 = bars.find((b) => b.project === 'P2')!;
    expect([p1.notBefore, p1.deadline]).toEqual([2028, '2029-06']);
    // Not before the first year postpones nothing: no mark.
    expect('notBefore' in p2 || 'deadline' in p2).toBe(false);
    expect(roadmapBars(withDeadline, plan).find((b) => b.project === 'P1')!.notBefore).toBe(
      undefined,
    );
  });

  it('gives each team its share of capacity, and none where the capacity is zero', () => {
    const plan = [{ project: 'P1', start: 2027 }];
    const rows = teamHeatmap(small, planLoads(small, s, plan), ceilings(small, s));
    const t = rows.find((r) => r.team === 't')!;
    expect(t.cells.map((c) => c.share)).toEqual([4 / 15, 6 / 30, 0, 0]);
    const z = rows.find((r) => r.team === 'z')!;
    expect(z.cells.map((c) => c.share)).toEqual([null, null, 0, 0]);
  });

  it('marks an overrun and the room left', () => {
    const years = envelopeYears(2027, [10, 30], [20, 20]);
    expect(years).toEqual([
      { year: 2027, used: 10, ceiling: 20, over: 0 },
      { year: 2028, used: 30, ceiling: 20, over: 10 },
    ]);
  });

  it('states the gain over the heuristic in points and as a share', () => {
    expect(comparison(120, 100)).toEqual({ points: 20, share: 0.2 });
    expect(comparison(5, 0)).toEqual({ points: 5, share: null });
  });

  it('chooses round ticks from zero that cover the maximum', () => {
    for (const max of [1, 7, 95, 640_000, 1_234_567]) {
      const ticks = niceTicks(max, 4);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max);
      const step = ticks[1]! - ticks[0]!;
      ticks.forEach((t, i) => expect(t).toBeCloseTo(i * step, 6));
      expect(ticks.length).toBeLessThanOrEqual(7);
    }
  });
});

/** The yearly use of a plan, written out from MODEL.md §4 without the engine. */
function usageByHand(doc: Portfolio, id: string, plan: readonly PlanEntry[]): YearLoads {
  const st = settingsOf(doc, id);
  const Y = doc.horizon.years;
  const zeros = () => new Array<number>(Y).fill(0);
  const out: YearLoads = {
    investment: zeros(),
    operating: zeros(),
    teams: Object.fromEntries(doc.teams.map((t) => [t.id, zeros()])),
    directions: Object.fromEntries(
      (doc.directions ?? [])
        .filter((d) => d.maxConcurrent !== undefined)
        .map((d) => [d.id, zeros()]),
    ),
  };
  for (const e of plan) {
    const p = doc.projects.find((x) => x.id === e.project)!;
    const s = e.start - doc.horizon.firstYear;
    const n = p.investment.length;
    for (let t = Math.max(0, s); t < Y; t++) {
      if (t - s < n) {
        out.investment[t]! +=
          p.investment[t - s]! * (1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0));
        for (const need of p.staff ?? []) out.teams[need.team]![t]! += need.days[t - s]!;
        if (p.direction && out.directions[p.direction]) out.directions[p.direction]![t]! += 1;
      } else {
        out.operating[t]! +=
          (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) - st.credit * (p.savings ?? 0);
      }
    }
  }
  return out;
}

describe('figures agree with the tests’ own reading of the rules on the demo', () => {
  for (const scenario of demo.scenarios ?? []) {
    it(`uses and values the plans of « ${scenario.name} » as MODEL.md §4 says`, () => {
      const resolved = resolveScenario(demo, scenario.id)!;
      const problem = prepareProblem(demo, resolved);
      const plans = [rankingHeuristic(demo, resolved).plan, scenario.plan ?? []];
      for (const plan of plans) {
        const mine = planLoads(demo, resolved, plan);
        const theirs = usageByHand(demo, scenario.id, plan);
        mine.investment.forEach((x, t) => expect(x).toBeCloseTo(theirs.investment[t]!, 6));
        mine.operating.forEach((x, t) => expect(x).toBeCloseTo(theirs.operating[t]!, 6));
        for (const team of demo.teams) {
          expect(mine.teams[team.id]).toEqual(theirs.teams[team.id]);
        }
        for (const [d, row] of Object.entries(theirs.directions)) {
          expect(mine.directions[d]).toEqual(row);
        }
        expect(scenarioObjective(demo, resolved, plan)).toBeCloseTo(
          objective(demo, settingsOf(demo, scenario.id), plan),
          9,
        );
      }
      const c = ceilings(demo, resolved);
      expect(c.investment).toEqual(problem.investmentCap);
      expect(c.operating).toEqual(problem.operatingCap);
    });
  }
});
