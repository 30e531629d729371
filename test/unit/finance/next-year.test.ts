/**
 * Re-arbitration the next year (MODEL.md §9): every rule on a hand-made
 * document, then a generated document carried through a year (optimised,
 * adopted, executed, moved on, optimised again), the new plan checked by a
 * feasibility check of this file that recomputes every yearly use by hand.
 */
import highsLoader, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptPlan, annexRows } from '../../../shared/engine/annex';
import { nextYear, rollForward, spreadInProportion } from '../../../shared/engine/next-year';
import { optimise } from '../../../shared/engine/optimise';
import {
  resolveScenario,
  type ActualEntry,
  type PlanEntry,
  type Portfolio,
  type Project,
} from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { generatePortfolio, seededRandom } from '../../support/generate';

let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

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

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A 2027 document a year on, with one project of each kind. */
function handMade(): Portfolio {
  const doc: Portfolio = {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 4 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [{ id: 'dsi', label: 'DSI', capacity: [100, 110, 120, 130] }],
    budget: {
      investment: [1000000, 900000, 800000, 700000],
      operating: [50000, 60000, 70000, 80000],
    },
    projects: [
      // Under way: 400 000 € over 2027–2029, 80 000 € paid in 2027.
      project('A', [100000, 200000, 100000], {
        subsidyRate: 0.2,
        staff: [{ team: 'dsi', days: [30, 60, 30] }],
        durationMonths: { low: 24, mode: 30, high: 36 },
      }),
      // Delivered: 10 000 € × 90 % run cost, 3 000 € saved.
      project('B', [50000], { mandatory: true, runCost: 10000, partnerShare: 0.1, savings: 3000 }),
      // Abandoned.
      project('C', [30000], { deadline: '2027-12' }),
      // Candidates: D needed B (delivered), E needs C (abandoned), F was B's alternative.
      project('D', [20000], { dependsOn: ['B'] }),
      project('E', [20000], { dependsOn: ['C'] }),
      project('F', [20000], { excludes: ['B'] }),
      // Late: planned in 2027 only, still under way; it needed C.
      project('G', [60000], {
        dependsOn: ['C'],
        staff: [{ team: 'dsi', days: [20] }],
        durationMonths: { low: 6, mode: 9, high: 12 },
      }),
      // Planned for 2029, not started.
      project('H', [40000]),
      // Committed for 2027, not started.
      project('I', [10000], { fixedStart: 2027 }),
    ],
    scenarios: [
      {
        id: 'base',
        name: 'Référence',
        forceOut: ['A', 'E'],
        forceIn: ['C', 'H'],
        notBefore: { H: 2029, B: 2028, E: 2028 },
        plan: [{ project: 'H', start: 2029 }],
      },
      { id: 'prudent', name: 'Prudent', budgetFactor: { investment: 0.9, operating: 1 } },
    ],
    decisions: [{ date: '2027-01-15', project: 'B', decision: 'retenu' }],
  };
  doc.baseline = adoptPlan(
    doc,
    [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2027 },
      { project: 'C', start: 2027 },
      { project: 'G', start: 2027 },
      { project: 'I', start: 2027 },
      { project: 'H', start: 2029 },
    ],
    { date: '2027-01-15', meeting: 'CODIR', scenario: 'base' },
  );
  doc.actuals = [
    { project: 'A', year: 2027, paid: 80000, status: 'en-cours' },
    { project: 'B', year: 2027, paid: 48000, status: 'livre' },
    { project: 'C', year: 2027, paid: 5000, status: 'abandonne' },
    { project: 'G', year: 2027, paid: 20000 },
  ];
  return doc;
}

describe('next year (hand-made document)', () => {
  const before = handMade();
  const rolled = nextYear(before);
  const doc = rolled.portfolio;
  const byId = new Map(doc.projects.map((p) => [p.id, p]));

  it('moves the horizon on one year, shifting envelopes and capacities, the last repeated', () => {
    expect(doc.horizon).toEqual({ firstYear: 2028, years: 4 });
    expect(doc.budget.investment).toEqual([900000, 800000, 700000, 700000]);
    expect(doc.teams[0]!.capacity).toEqual([110, 120, 130, 130]);
  });

  it('takes the delivered project’s net running cost off every operating envelope', () => {
    // 10 000 × (1 − 0.1) − 3 000 = 6 000 € a year.
    expect(rolled.delivered).toEqual([{ project: 'B', netRunningCost: 6000 }]);
    expect(doc.budget.operating).toEqual([54000, 64000, 74000, 74000]);
  });

  it('continues the project under way with its remainder over its remaining planned years', () => {
    const a = byId.get('A')!;
    // 400 000 − 80 000 = 320 000 € over 2028–2029, as 200 000 : 100 000.
    expect(a.fixedStart).toBe(2028);
    expect(a.investment).toEqual([213333.33, 106666.67]);
    expect(a.staff).toEqual([{ team: 'dsi', days: [60, 30] }]);
    // 2 remaining of 3 planned years.
    expect(a.durationMonths).toEqual({ low: 16, mode: 20, high: 24 });
    expect(a.subsidyRate).toBe(0.2);
    expect(a.apNumber).toBe('AP-2027-01');
    expect(rolled.continued.find((c) => c.project === 'A')).toEqual({
      project: 'A',
      plannedStart: 2027,
      ap: 400000,
      paid: 80000,
      remainder: 320000,
      years: 2,
      plannedYears: 3,
    });
  });

  it('gives a late project one more year with its last planned year’s staff, and no dependency', () => {
    const g = byId.get('G')!;
    expect(g.fixedStart).toBe(2028);
    expect(g.investment).toEqual([40000]);
    expect(g.staff).toEqual([{ team: 'dsi', days: [20] }]);
    expect(g.durationMonths).toEqual({ low: 6, mode: 9, high: 12 });
    expect(g.dependsOn).toBeUndefined();
  });

  it('keeps the projects that left in the list, out of every scenario, with nothing requiring them', () => {
    expect(rolled.abandoned).toEqual(['C']);
    for (const id of ['B', 'C']) {
      const p = byId.get(id)!;
      expect(p.mandatory).toBeUndefined();
      expect(p.fixedStart).toBeUndefined();
      expect(p.deadline).toBeUndefined();
      for (const s of doc.scenarios!) expect(s.forceOut).toContain(id);
    }
  });

  it('drops dependencies on delivered projects, keeps and warns those on abandoned ones', () => {
    expect(byId.get('D')!.dependsOn).toBeUndefined();
    expect(byId.get('E')!.dependsOn).toEqual(['C']);
    expect(rolled.warnings.some((w) => w.startsWith('E dépend de C'))).toBe(true);
    expect(rolled.warnings.some((w) => w.startsWith('G dépend'))).toBe(false);
  });

  it('forces out the alternative of a delivered project', () => {
    expect(rolled.forcedOut).toEqual(['F']);
    for (const s of doc.scenarios!) expect(s.forceOut).toContain('F');
  });

  it('keeps the projects not started as candidates, moving a past fixed start to the new first year', () => {
    expect(rolled.candidates).toEqual(['D', 'E', 'F', 'H', 'I']);
    expect(byId.get('H')).toEqual(before.projects.find((p) => p.id === 'H'));
    expect(byId.get('I')!.fixedStart).toBe(2028);
    expect(rolled.warnings.some((w) => w.startsWith('I devait démarrer en 2027'))).toBe(true);
    expect(rolled.plannedNotStarted).toEqual([
      { project: 'I', start: 2028 },
      { project: 'H', start: 2029 },
    ]);
  });

  it('rewrites the scenarios: no plan, no project under way forced out, none that left forced in', () => {
    const [base, prudent] = doc.scenarios!;
    expect(base!.plan).toBeUndefined();
    expect(base!.forceOut).toEqual(['E', 'B', 'C', 'F']);
    expect(base!.forceIn).toEqual(['H']);
    expect(base!.notBefore).toEqual({ H: 2029, E: 2028 });
    expect(prudent).toMatchObject({ budgetFactor: { investment: 0.9, operating: 1 } });
    expect(prudent!.forceOut).toEqual(['B', 'C', 'F']);
    expect(rolled.warnings.some((w) => w.includes('A est en cours'))).toBe(true);
  });

  it('keeps the baseline, the actuals and the decisions, and is a valid document', () => {
    expect(doc.baseline).toEqual(before.baseline);
    expect(doc.actuals).toEqual(before.actuals);
    expect(doc.decisions).toEqual(before.decisions);
    const checked = validatePortfolio(doc);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
  });

  it('leaves the input document as it was', () => {
    expect(before).toEqual(handMade());
  });

  it('gives the continued project its whole AP in the new annex, with no revision', () => {
    const rows = annexRows(doc, [
      { project: 'A', start: 2028 },
      { project: 'G', start: 2028 },
    ]);
    expect(rows.map((r) => [r.ap, r.firstYear, r.amount, r.initial, r.revision])).toEqual([
      ['AP-2027-01', 2027, 400000, 400000, 0],
      ['AP-2027-04', 2027, 60000, 60000, 0],
    ]);
    expect(rows[0]!.cp).toEqual([80000, 213333.33, 106666.67]);
  });

  it('creates a scenario to hold the projects that left when the document has none', () => {
    const bare = { ...handMade(), scenarios: undefined, baseline: { ...handMade().baseline! } };
    delete bare.baseline.scenario;
    const moved = nextYear(bare).portfolio;
    expect(moved.scenarios).toEqual([
      { id: 'base', name: 'Scénario de référence', forceOut: ['B', 'C', 'F'] },
    ]);
    expect(validatePortfolio(moved).ok).toBe(true);
  });

  it('continues an overspent AP with nothing left to pay, and warns', () => {
    const doc2 = handMade();
    doc2.actuals![0] = { project: 'A', year: 2027, paid: 450000, status: 'en-cours' };
    const moved = nextYear(doc2);
    expect(moved.portfolio.projects.find((p) => p.id === 'A')!.investment).toEqual([0, 0]);
    expect(moved.warnings.some((w) => w.includes('l’AP est à réviser'))).toBe(true);
  });

  it('refuses a year before the horizon and an unknown scenario', () => {
    expect(() => rollForward(before, 2026)).toThrow(/précède/);
    expect(() => nextYear(before, { scenarioId: 'nope' })).toThrow(/« nope »/);
  });
});

describe('spreading a remainder', () => {
  it('keeps the total to the cent and the proportions', () => {
    expect(spreadInProportion(100, [1, 1, 1])).toEqual([33.33, 33.33, 33.34]);
    expect(spreadInProportion(90, [0, 0])).toEqual([45, 45]);
    expect(spreadInProportion(0, [3, 1])).toEqual([0, 0]);
    const rnd = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
        Math.round(rnd() * 1e5),
      );
      const total = Math.round(rnd() * 1e8) / 100;
      const out = spreadInProportion(total, weights);
      expect(Math.round(sum(out) * 100)).toBe(Math.round(total * 100));
      const w = sum(weights);
      out.forEach((x, k) => {
        expect(x).toBeGreaterThanOrEqual(0);
        const exact = w > 0 ? (total * weights[k]!) / w : total / weights.length;
        expect(Math.abs(x - exact)).toBeLessThanOrEqual(0.01 * weights.length);
      });
    }
  });
});

// ---------------------------------------------------------------------------
// A generated document carried through a year.

/** Every rule of MODEL.md §4 a plan must keep, the yearly uses recomputed here. */
function feasibilityProblems(doc: Portfolio, scenarioId: string, plan: PlanEntry[]): string[] {
  const out: string[] = [];
  const s = doc.scenarios!.find((x) => x.id === scenarioId)!;
  const invF = s.budgetFactor?.investment ?? 1;
  const opF = s.budgetFactor?.operating ?? 1;
  const capF = s.capacityFactor ?? 1;
  const credit = s.savingsCredit ?? 1;
  const { firstYear, years } = doc.horizon;
  const byId = new Map(doc.projects.map((p) => [p.id, p]));
  const start = new Map(plan.map((e) => [e.project, e.start]));
  if (start.size !== plan.length) out.push('a project twice');
  for (const p of doc.projects) {
    const st = start.get(p.id);
    const required =
      p.mandatory === true || (s.forceIn ?? []).includes(p.id) || p.fixedStart != null;
    if (st === undefined) {
      if (required) out.push(`${p.id} required but absent`);
      continue;
    }
    if ((s.forceOut ?? []).includes(p.id)) out.push(`${p.id} forced out`);
    if (st < firstYear || st + p.investment.length > firstYear + years) out.push(`${p.id} horizon`);
    if (p.fixedStart != null && st !== p.fixedStart) out.push(`${p.id} fixed start`);
    if (p.fixedStart == null && p.earliestStart != null && st < p.earliestStart) {
      out.push(`${p.id} earliest start`);
    }
    for (const d of p.dependsOn ?? []) {
      const sd = start.get(d);
      if (sd === undefined || sd + byId.get(d)!.investment.length > st)
        out.push(`${p.id} after ${d}`);
    }
    for (const x of p.excludes ?? []) if (start.has(x)) out.push(`${p.id} excludes ${x}`);
  }
  const tol = (cap: number) => cap + 1e-6 * Math.max(1, cap);
  for (let t = 0; t < years; t++) {
    const year = firstYear + t;
    let investment = 0;
    let operating = 0;
    const days: Record<string, number> = {};
    const building: Record<string, number> = {};
    for (const [id, st] of start) {
      const p = byId.get(id)!;
      const k = year - st;
      if (k >= 0 && k < p.investment.length) {
        investment += p.investment[k]! * (1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0));
        for (const need of p.staff ?? []) days[need.team] = (days[need.team] ?? 0) + need.days[k]!;
        if (p.direction) building[p.direction] = (building[p.direction] ?? 0) + 1;
      } else if (k >= p.investment.length) {
        operating += (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) - credit * (p.savings ?? 0);
      }
    }
    if (investment > tol(doc.budget.investment[t]! * invF)) out.push(`investment ${year}`);
    if (operating > tol(doc.budget.operating[t]! * opF)) out.push(`operating ${year}`);
    for (const team of doc.teams) {
      if ((days[team.id] ?? 0) > tol(team.capacity[t]! * capF)) out.push(`${team.id} ${year}`);
    }
    for (const d of doc.directions ?? []) {
      if (d.maxConcurrent !== undefined && (building[d.id] ?? 0) > d.maxConcurrent) {
        out.push(`${d.id} ${year}`);
      }
    }
  }
  return out;
}

/** Last year's execution of a plan: each project started in 2027 under way, delivered or abandoned. */
function executeFirstYear(doc: Portfolio, plan: PlanEntry[], seed: number): ActualEntry[] {
  const rnd = seededRandom(seed);
  const byId = new Map(doc.projects.map((p) => [p.id, p]));
  const actuals: ActualEntry[] = [];
  for (const e of plan) {
    if (e.start !== doc.horizon.firstYear) continue;
    const p = byId.get(e.project)!;
    const first = p.investment[0]!;
    const r = rnd();
    if (p.investment.length === 1) {
      actuals.push(
        r < 0.75
          ? { project: p.id, year: 2027, paid: first, status: 'livre' }
          : { project: p.id, year: 2027, paid: Math.round(first / 2), status: 'abandonne' },
      );
    } else if (r < 0.85) {
      // Paid what was voted, a little more or a little less.
      const paid = Math.round(first * (0.97 + 0.08 * rnd()));
      actuals.push({ project: p.id, year: 2027, paid, status: 'en-cours' });
    } else {
      actuals.push({ project: p.id, year: 2027, paid: Math.round(first / 3), status: 'abandonne' });
    }
  }
  return actuals;
}

describe('next year with CP already paid in the new years', () => {
  it('keeps them in the years they were paid, the remainder planned on top, so the AP stays the AP', () => {
    const before = handMade();
    // A: 400 000 € planned 2027–2029; paid 80 000 € in 2027, then 50 000 € in 2028 and
    // 30 000 € in 2030, a year past its plan, entered before the move.
    before.actuals = [
      ...before.actuals!,
      { project: 'A', year: 2028, paid: 50000, status: 'en-cours' },
      { project: 'A', year: 2030, paid: 30000, status: 'en-cours' },
    ];
    const rolled = nextYear(before);
    expect(rolled.warnings.join(' ')).toMatch(/payés en 2028 ou après sont déjà saisis \(A\)/);
    const a = rolled.portfolio.projects.find((p) => p.id === 'A')!;
    const c = rolled.continued.find((x) => x.project === 'A')!;
    // Left to pay: 400 000 − 160 000 = 240 000 €, over 2028–2029 as 200 000 : 100 000.
    expect(c.remainder).toBe(240000);
    expect(c.years).toBe(2);
    // 2028: 160 000 + 50 000 paid; 2029: 80 000; 2030: the 30 000 paid, lengthening the schedule.
    expect(a.investment).toEqual([210000, 80000, 30000]);
    expect(a.staff![0]!.days).toEqual([60, 30, 0]);
    // Three years of the three planned: the durations as planned.
    expect(a.durationMonths).toEqual({ low: 24, mode: 30, high: 36 });
    // The new document: its AP is 80 000 paid before it + Σ investment = 400 000 €, and
    // nothing paid goes beyond it (no « AP à réviser »).
    expect(80000 + sum(a.investment)).toBe(400000);
    const checked = validatePortfolio(rolled.portfolio);
    expect(checked.ok ? checked.warnings.join(' ') : 'refused').not.toMatch(
      /plus que son autorisation de programme/,
    );
    const annex = annexRows(rolled.portfolio, [{ project: 'A', start: 2028 }])[0]!;
    expect(annex.amount).toBe(400000);
    expect([annex.firstYear, ...annex.cp]).toEqual([2027, 80000, 210000, 80000, 30000]);
  });
});

describe('next year (generated documents)', () => {
  for (const seed of [3, 8]) {
    it(`continues what is under way and optimises the rest within what is left (seed ${seed})`, async () => {
      const original = generatePortfolio({ projects: 24, years: 5, teams: 3, seed });
      const first = await optimise(highs, original, { scenarioId: 'base', timeLimitSeconds: 20 });
      expect(['optimal', 'feasible']).toContain(first.status);
      const plan = first.plan;
      const doc: Portfolio = {
        ...original,
        baseline: adoptPlan(original, plan, { date: '2027-01-20', scenario: 'base' }),
        actuals: executeFirstYear(original, plan, seed),
      };
      expect(doc.actuals!.some((a) => a.status === 'en-cours')).toBe(true);
      expect(doc.actuals!.some((a) => a.status === 'livre')).toBe(true);

      const rolled = nextYear(doc);
      const next = rolled.portfolio;
      const checked = validatePortfolio(next);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      // Neither the adopted AP kept in the baseline nor the CP paid before the new horizon
      // look unknown or over the AP.
      const remarks = checked.ok ? checked.warnings.join(' ') : '';
      expect(remarks).not.toMatch(/inconnu|non reconnu|baseline\.plan\[\d+\]\.(ap|cp|apNumber)/);
      expect(remarks).not.toMatch(/plus que son autorisation de programme/);
      const oldById = new Map(original.projects.map((p) => [p.id, p]));
      const newById = new Map(next.projects.map((p) => [p.id, p]));
      const paid = new Map(doc.actuals!.map((a) => [a.project, a.paid]));
      const status = new Map(doc.actuals!.map((a) => [a.project, a.status]));

      // Started projects keep their start: fixed on the new first year; their paid CP are not
      // planned again, the rest is.
      const continued = [...status].filter(([, s]) => s === 'en-cours').map(([id]) => id);
      expect(rolled.continued.map((c) => c.project).sort()).toEqual([...continued].sort());
      for (const id of continued) {
        const before = oldById.get(id)!;
        const after = newById.get(id)!;
        expect(after.fixedStart).toBe(2028);
        const remainder = Math.max(0, sum(before.investment) - paid.get(id)!);
        expect(sum(after.investment)).toBeCloseTo(remainder, 2);
        expect(after.investment.length).toBe(before.investment.length - 1);
        // In proportion to the CP planned for 2028 on.
        const rest = before.investment.slice(1);
        after.investment.forEach((cp, k) => {
          expect(cp).toBeCloseTo((remainder * rest[k]!) / sum(rest), 1);
        });
      }

      // The envelopes the optimiser works with: shifted; the operating ones less the delivered
      // projects' net running cost.
      const delivered = [...status].filter(([, s]) => s === 'livre').map(([id]) => id);
      const run = sum(
        delivered.map((id) => {
          const p = oldById.get(id)!;
          return (p.runCost ?? 0) * (1 - (p.partnerShare ?? 0)) - (p.savings ?? 0);
        }),
      );
      const shifted = (xs: number[]) => [...xs.slice(1), xs[xs.length - 1]!];
      expect(next.budget.investment).toEqual(shifted(original.budget.investment));
      next.budget.operating.forEach((v, t) => {
        expect(v).toBeCloseTo(Math.max(0, shifted(original.budget.operating)[t]! - run), 2);
      });

      const second = await optimise(highs, next, { scenarioId: 'base', timeLimitSeconds: 20 });
      expect(['optimal', 'feasible']).toContain(second.status);
      expect(feasibilityProblems(next, 'base', second.plan)).toEqual([]);
      const planned = new Map(second.plan.map((e) => [e.project, e.start]));
      // The remainder is planned, from the new first year.
      for (const id of continued) expect(planned.get(id)).toBe(2028);
      // Nothing that left is planned again.
      for (const id of [...status].filter(([, s]) => s !== 'en-cours').map(([id]) => id)) {
        expect(planned.has(id)).toBe(false);
      }
      // What is new fits in the envelopes net of what the continued projects already commit.
      const net = (p: Project, k: number) =>
        (p.investment[k] ?? 0) * (1 - (p.subsidyRate ?? 0) - (p.partnerShare ?? 0));
      for (let t = 0; t < next.horizon.years; t++) {
        const committed = sum(continued.map((id) => net(newById.get(id)!, t)));
        const fresh = sum(
          second.plan
            .filter((e) => !continued.includes(e.project))
            .map((e) => net(newById.get(e.project)!, 2028 + t - e.start)),
        );
        expect(fresh).toBeLessThanOrEqual(next.budget.investment[t]! - committed + 1e-6);
        expect(second.usage.investment[t]).toBeCloseTo(committed + fresh, 4);
      }
      // The scenario's settings stay the ones the committee chose.
      expect(resolveScenario(next, 'base')!.plan).toBeUndefined();
    }, 120_000);
  }
});
