import { describe, expect, it } from 'vitest';
import { financePlan, fctvaLag, requiredProjectsPlan } from '../../../shared/engine/finance';
import type { FinanceReport } from '../../../shared/engine/finance';
import {
  resolveScenario,
  type FctvaRegime,
  type PlanEntry,
  type Portfolio,
  type Project,
} from '../../../shared/model/portfolio';

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

function portfolio(
  projects: Project[],
  regime: FctvaRegime = 'N',
  years = 3,
  fctvaRate?: number,
): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: {
      name: 'Commune de Test',
      kind: 'commune',
      fctvaRegime: regime,
      ...(fctvaRate === undefined ? {} : { fctvaRate }),
    },
    horizon: { firstYear: 2027, years },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [],
    budget: { investment: new Array(years).fill(1e6), operating: new Array(years).fill(1e5) },
    projects,
  };
}

function finance(doc: Portfolio, plan: PlanEntry[]): FinanceReport {
  return financePlan(doc, resolveScenario(doc)!, plan);
}

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('financePlan', () => {
  it('follows the CP schedule in calendar years and pays FCTVA the same year under regime N', () => {
    const doc = portfolio([
      project('A', { investment: [100000, 50000], runCost: 10000, savings: 4000 }),
    ]);
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.years).toEqual([2027, 2028, 2029]);
    expect(r.investment.gross).toEqual([100000, 50000, 0]);
    expect(r.investment.net).toEqual([100000, 50000, 0]);
    expect(r.fctva).toEqual([16404, 8202, 0]);
    expect(r.operating.run).toEqual([0, 0, 10000]);
    expect(r.operating.savings).toEqual([0, 0, 4000]);
    expect(r.netCost).toEqual([83596, 41798, 6000]);
    expect(r.totals.fctvaAfterHorizon).toBe(0);
  });

  it('pays FCTVA one year later under regime N+1 and reports what falls after the horizon', () => {
    const doc = portfolio([project('A', { investment: [100000, 50000] })], 'N+1');
    const early = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(early.fctva).toEqual([0, 16404, 8202]);
    expect(early.totals.fctvaAfterHorizon).toBe(0);
    const late = finance(doc, [{ project: 'A', start: 2028 }]);
    expect(late.investment.gross).toEqual([0, 100000, 50000]);
    expect(late.fctva).toEqual([0, 0, 16404]);
    expect(late.totals.fctva).toBe(16404);
    expect(late.totals.fctvaAfterHorizon).toBe(8202);
  });

  it('pays FCTVA two years later under regime N+2, spilling after the horizon', () => {
    const doc = portfolio([project('A', { investment: [100000, 50000] })], 'N+2');
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.fctva).toEqual([0, 0, 16404]);
    expect(r.totals.fctvaAfterHorizon).toBe(8202);
    expect(r.netCost).toEqual([100000, 50000, -16404]);
    expect(fctvaLag('N')).toBe(0);
    expect(fctvaLag('N+1')).toBe(1);
    expect(fctvaLag('N+2')).toBe(2);
  });

  it('uses the organisation fctvaRate when given', () => {
    const doc = portfolio([project('A', { investment: [100000] })], 'N', 3, 0.2);
    expect(finance(doc, [{ project: 'A', start: 2027 }]).fctva).toEqual([20000, 0, 0]);
  });

  it('deducts subsidies from net investment but not from the FCTVA base', () => {
    const doc = portfolio([
      project('A', { investment: [200000], subsidyRate: 0.3, subsidySource: 'DSIL' }),
    ]);
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.investment.subsidies).toEqual([60000, 0, 0]);
    expect(r.investment.net).toEqual([140000, 0, 0]);
    expect(r.fctva).toEqual([32808, 0, 0]);
    expect(r.netCost[0]).toBe(107192);
  });

  it('shares investment, FCTVA base and run cost with partners but keeps savings whole', () => {
    const doc = portfolio([
      project('A', { investment: [200000], partnerShare: 0.3, runCost: 20000, savings: 5000 }),
    ]);
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.investment.partners).toEqual([60000, 0, 0]);
    expect(r.investment.net).toEqual([140000, 0, 0]);
    // 0.16404 × 200 000 × (1 − 0.3) = 22 965.60
    expect(r.fctva).toEqual([22965.6, 0, 0]);
    expect(r.operating.run).toEqual([0, 14000, 14000]);
    expect(r.operating.savings).toEqual([0, 5000, 5000]);
    expect(r.netCost).toEqual([117034.4, 9000, 9000]);
  });

  it('combines subsidy and partner share on the same project', () => {
    const doc = portfolio([
      project('A', { investment: [100000], subsidyRate: 0.4, partnerShare: 0.25 }),
    ]);
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.investment.subsidies[0]).toBe(40000);
    expect(r.investment.partners[0]).toBe(25000);
    expect(r.investment.net[0]).toBe(35000);
    expect(r.fctva[0]).toBe(12303); // 0.16404 × 75 000
  });

  it('gives no FCTVA for a project that is not eligible (SaaS subscription)', () => {
    const doc = portfolio(
      [project('A', { investment: [100000, 50000], fctvaEligible: false })],
      'N+2',
    );
    const r = finance(doc, [{ project: 'A', start: 2027 }]);
    expect(r.fctva).toEqual([0, 0, 0]);
    expect(r.totals.fctva).toBe(0);
    expect(r.totals.fctvaAfterHorizon).toBe(0);
    expect(r.netCost).toEqual([100000, 50000, 0]);
  });

  it('starts running cost and savings the year after the build, and not at all when the build ends in the last year', () => {
    const doc = portfolio([
      project('EARLY', { investment: [10000], runCost: 3000, savings: 1000 }),
      project('LAST', { investment: [10000, 10000], runCost: 7000, savings: 2000 }),
    ]);
    const r = finance(doc, [
      { project: 'EARLY', start: 2027 },
      { project: 'LAST', start: 2028 },
    ]);
    expect(r.operating.run).toEqual([0, 3000, 3000]);
    expect(r.operating.savings).toEqual([0, 1000, 1000]);
    expect(r.totals.run).toBe(6000);
  });

  it('gives each planned project its AP and CP schedule, gross', () => {
    const doc = portfolio(
      [project('A', { investment: [120000, 80000, 50000], partnerShare: 0.5 })],
      'N',
      6,
    );
    const r = finance(doc, [{ project: 'A', start: 2029 }]);
    expect(r.projects).toEqual([
      { project: 'A', start: 2029, ap: 250000, cp: [120000, 80000, 50000] },
    ]);
    expect(r.investment.gross).toEqual([0, 0, 120000, 80000, 50000, 0]);
  });

  it('keeps CP falling after the horizon out of the yearly arrays but in the AP', () => {
    const doc = portfolio([project('A', { investment: [100000, 60000] })], 'N');
    const r = finance(doc, [{ project: 'A', start: 2029 }]);
    expect(r.investment.gross).toEqual([0, 0, 100000]);
    expect(r.totals.gross).toBe(100000);
    expect(r.totals.grossAfterHorizon).toBe(60000);
    expect(r.totals.fctvaAfterHorizon).toBe(9842.4);
    expect(r.projects[0]!.ap).toBe(160000);
  });

  it('has totals equal to the sums of the yearly arrays and the net cost identity every year', () => {
    const doc = portfolio(
      [
        project('A', {
          investment: [123456.78, 65432.1],
          subsidyRate: 0.2,
          runCost: 9876,
          savings: 3333,
        }),
        project('B', { investment: [77777], partnerShare: 0.35, runCost: 4321, savings: 12000 }),
        project('C', { investment: [50000, 50000, 50000], fctvaEligible: false, runCost: 15000 }),
        project('D', { investment: [250000, 150000], subsidyRate: 0.25, partnerShare: 0.3 }),
      ],
      'N+1',
      5,
    );
    const r = finance(doc, [
      { project: 'A', start: 2027 },
      { project: 'B', start: 2028 },
      { project: 'C', start: 2027 },
      { project: 'D', start: 2029 },
    ]);
    const t = r.totals;
    expect(t.gross).toBeCloseTo(sumOf(r.investment.gross), 2);
    expect(t.subsidies).toBeCloseTo(sumOf(r.investment.subsidies), 2);
    expect(t.partners).toBeCloseTo(sumOf(r.investment.partners), 2);
    expect(t.net).toBeCloseTo(sumOf(r.investment.net), 2);
    expect(t.fctva).toBeCloseTo(sumOf(r.fctva), 2);
    expect(t.run).toBeCloseTo(sumOf(r.operating.run), 2);
    expect(t.savings).toBeCloseTo(sumOf(r.operating.savings), 2);
    expect(t.netCost).toBeCloseTo(sumOf(r.netCost), 2);
    expect(t.gross).toBeCloseTo(123456.78 + 65432.1 + 77777 + 150000 + 400000, 2);
    r.years.forEach((_, y) => {
      expect(r.investment.net[y]).toBeCloseTo(
        r.investment.gross[y]! - r.investment.subsidies[y]! - r.investment.partners[y]!,
        2,
      );
      expect(r.netCost[y]).toBeCloseTo(
        r.investment.net[y]! - r.fctva[y]! + r.operating.run[y]! - r.operating.savings[y]!,
        2,
      );
    });
    // Every eligible euro of own investment brings FCTVA, inside or after the horizon.
    const ownEligible = 123456.78 + 65432.1 + 77777 * 0.65 + 400000 * 0.7;
    expect(t.fctva + t.fctvaAfterHorizon).toBeCloseTo(0.16404 * ownEligible, 1);
  });

  it('ignores the scenario factors: finance shows the budgeted plan and all the savings', () => {
    const doc = portfolio([project('A', { investment: [100000], savings: 10000 })]);
    doc.scenarios = [
      { id: 'prudent', name: 'Prudent', budgetFactor: { investment: 0.5 }, savingsCredit: 0.2 },
    ];
    const r = financePlan(doc, resolveScenario(doc, 'prudent')!, [{ project: 'A', start: 2027 }]);
    expect(r.investment.gross[0]).toBe(100000);
    expect(r.operating.savings).toEqual([0, 10000, 10000]);
  });

  it('refuses a plan naming an unknown project', () => {
    const doc = portfolio([project('A')]);
    expect(() => finance(doc, [{ project: 'ZZ', start: 2027 }])).toThrow(/ZZ/);
  });

  it('gives an empty plan all-zero figures', () => {
    const r = finance(portfolio([project('A')]), []);
    expect(r.netCost).toEqual([0, 0, 0]);
    expect(r.totals.netCost).toBe(0);
    expect(r.projects).toEqual([]);
  });
});

describe('requiredProjectsPlan', () => {
  it('plans mandatory, fixed and forced-in projects at their earliest start, after their predecessors', () => {
    const doc = portfolio(
      [
        project('SOCLE', { mandatory: true, investment: [1, 1] }),
        project('RGAA', { mandatory: true, earliestStart: 2028, dependsOn: ['SOCLE'] }),
        project('FIXE', { fixedStart: 2030 }),
        project('FORCE', { earliestStart: 2026 }),
        project('OUT', { mandatory: true }),
        project('LIBRE'),
      ],
      'N',
      6,
    );
    doc.scenarios = [{ id: 's', name: 'S', forceIn: ['FORCE'], forceOut: ['OUT'] }];
    const plan = requiredProjectsPlan(doc, resolveScenario(doc));
    expect(plan).toEqual([
      { project: 'SOCLE', start: 2027 },
      { project: 'RGAA', start: 2029 },
      { project: 'FIXE', start: 2030 },
      { project: 'FORCE', start: 2027 },
    ]);
  });
});

describe('financePlan, one case computed by hand under each FCTVA regime', () => {
  // Horizon 2027–2030, FCTVA rate 16.404 %.
  // A: CP [100 000, 60 000] from 2027, subsidy 25 %, run 12 000, savings 20 000 (built 2027–2028).
  // B: CP [80 000] in 2028, partner share 50 %, run 10 000, savings 3 000 (built 2028).
  //
  // gross      = [100 000, 60 000 + 80 000, 0, 0]                = [100 000, 140 000, 0, 0]
  // subsidies  = 25 % of A's CP                                  = [25 000, 15 000, 0, 0]
  // partners   = 50 % of B's CP                                  = [0, 40 000, 0, 0]
  // net        = gross − subsidies − partners                    = [75 000, 85 000, 0, 0]
  // FCTVA base = own eligible expense, subsidies not deducted, partner share deducted:
  //              2027: 100 000; 2028: 60 000 + 80 000 × 0.5 = 100 000
  //              → 0.16404 × 100 000 = 16 404 for each of the two expense years
  // run        = from 2029: 12 000 + 10 000 × (1 − 0.5)          = [0, 0, 17 000, 17 000]
  // savings    = from 2029: 20 000 + 3 000 (whole, not shared)   = [0, 0, 23 000, 23 000]
  // net cost   = net − FCTVA + run − savings; over the horizon 160 000 − 32 808 + 34 000 − 46 000
  //            = 115 192 under every regime, since all the FCTVA falls inside the horizon.
  const projects = () => [
    project('A', {
      investment: [100000, 60000],
      subsidyRate: 0.25,
      runCost: 12000,
      savings: 20000,
    }),
    project('B', { investment: [80000], partnerShare: 0.5, runCost: 10000, savings: 3000 }),
  ];
  const plan = [
    { project: 'A', start: 2027 },
    { project: 'B', start: 2028 },
  ];
  const cases: [FctvaRegime, number[], number[]][] = [
    // N: received the year of the expense.
    ['N', [16404, 16404, 0, 0], [75000 - 16404, 85000 - 16404, 17000 - 23000, 17000 - 23000]],
    // N+1: one year later.
    ['N+1', [0, 16404, 16404, 0], [75000, 85000 - 16404, -16404 - 6000, -6000]],
    // N+2: two years later.
    ['N+2', [0, 0, 16404, 16404], [75000, 85000, -16404 - 6000, -16404 - 6000]],
  ];

  it.each(cases)('regime %s', (regime, fctva, netCost) => {
    const doc = portfolio(projects(), regime, 4);
    // A scenario that believes half of the savings: finance still shows them whole.
    doc.scenarios = [{ id: 'moitie', name: 'Moitié des gains', savingsCredit: 0.5 }];
    const r = financePlan(doc, resolveScenario(doc, 'moitie')!, plan);
    expect(r.investment).toEqual({
      gross: [100000, 140000, 0, 0],
      subsidies: [25000, 15000, 0, 0],
      partners: [0, 40000, 0, 0],
      net: [75000, 85000, 0, 0],
    });
    expect(r.fctva).toEqual(fctva);
    expect(r.operating).toEqual({ run: [0, 0, 17000, 17000], savings: [0, 0, 23000, 23000] });
    expect(r.netCost).toEqual(netCost);
    expect(r.totals).toEqual({
      gross: 240000,
      subsidies: 40000,
      partners: 40000,
      net: 160000,
      fctva: 32808,
      run: 34000,
      savings: 46000,
      netCost: 115192,
      fctvaAfterHorizon: 0,
      grossAfterHorizon: 0,
    });
    expect(r.projects).toEqual([
      { project: 'A', start: 2027, ap: 160000, cp: [100000, 60000] },
      { project: 'B', start: 2028, ap: 80000, cp: [80000] },
    ]);
  });
});
