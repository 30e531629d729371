/**
 * The PPI table of MODEL.md §9: a closed-form case, then its identities on
 * generated documents against a recomputation from the document itself
 * (CP schedule, shares, FCTVA regime and the CP paid before the horizon).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { financeLines, financePlan } from '../../../shared/engine/finance';
import { moneyForVote } from '../../../shared/engine/ppi';
import {
  DEFAULT_FCTVA_RATE,
  resolveScenario,
  type ActualEntry,
  type PlanEntry,
  type Portfolio,
  type Project,
} from '../../../shared/model/portfolio';
import { validPortfolioArb } from '../../support/arbitraries';
import { generatePortfolio, seededRandom } from '../../support/generate';

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

function portfolio(projects: Project[], fields: Partial<Portfolio> = {}): Portfolio {
  return {
    format: 'arbitra-portfolio',
    version: 1,
    organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N+1' },
    horizon: { firstYear: 2027, years: 3 },
    criteria: [{ id: 'usagers', label: 'Usagers', weight: 1 }],
    teams: [],
    budget: { investment: [1e6, 1e6, 1e6], operating: [1e5, 1e5, 1e5] },
    projects,
    ...fields,
  };
}

function money(doc: Portfolio, plan: PlanEntry[]) {
  const report = financePlan(doc, resolveScenario(doc)!, plan);
  return { report, ...moneyForVote(doc, plan, report) };
}

const close = (a: number, b: number, cents = 1) => Math.abs(a - b) <= 0.005 * cents + 1e-6;

describe('PPI table', () => {
  it('gives expenditure, receipts and net per year in closed form', () => {
    // 150 000 € over 2027–2028, 30 % subsidy, 10 % partners, FCTVA N+1 on 90 % of the CP.
    const doc = portfolio([
      project('A', { investment: [100000, 50000], subsidyRate: 0.3, partnerShare: 0.1 }),
    ]);
    const { ppi } = money(doc, [{ project: 'A', start: 2027 }]);
    expect(ppi.years).toEqual([2027, 2028, 2029]);
    expect(ppi.expenditure).toEqual([100000, 50000, 0]);
    expect(ppi.subsidies).toEqual([30000, 15000, 0]);
    expect(ppi.partners).toEqual([10000, 5000, 0]);
    // 0.16404 × 100 000 × 0.9 = 14 763.60 in 2028; 0.16404 × 50 000 × 0.9 = 7 381.80 in 2029.
    expect(ppi.fctva).toEqual([0, 14763.6, 7381.8]);
    expect(ppi.net).toEqual([60000, 15236.4, -7381.8]);
    expect(ppi.totals).toEqual({
      expenditure: 150000,
      subsidies: 45000,
      partners: 15000,
      fctva: 22145.4,
      net: 67854.6,
    });
    expect(ppi.projects).toEqual([
      {
        project: 'A',
        ap: 'AP-2027-01',
        label: 'Projet A',
        amount: 150000,
        before: 0,
        cp: [100000, 50000, 0],
        after: 0,
      },
    ]);
  });

  it('counts the FCTVA still due on CP paid before the horizon as a receipt of the year it arrives', () => {
    // The next year's document: 80 000 € paid in 2027, 70 000 € left for 2028; FCTVA N+1.
    const doc = portfolio(
      [project('A', { investment: [70000], fixedStart: 2028, partnerShare: 0.25 })],
      {
        horizon: { firstYear: 2028, years: 3 },
        actuals: [{ project: 'A', year: 2027, paid: 80000, status: 'en-cours' }],
      },
    );
    const { ppi, annex } = money(doc, [{ project: 'A', start: 2028 }]);
    // 0.16404 × 80 000 × 0.75 = 9 842.40 in 2028, 0.16404 × 70 000 × 0.75 = 8 612.10 in 2029.
    expect(ppi.fctva).toEqual([9842.4, 8612.1, 0]);
    expect(ppi.expenditure).toEqual([70000, 0, 0]);
    expect(ppi.projects[0]).toMatchObject({ amount: 150000, before: 80000, cp: [70000, 0, 0] });
    expect(annex[0]).toMatchObject({ firstYear: 2027, cp: [80000, 70000], amount: 150000 });
  });

  it('keeps FCTVA of CP paid before the horizon out of the years when the regime pays it earlier', () => {
    // Regime N: the 2027 payment was refunded in 2027, before the 2028 horizon.
    const doc = portfolio([project('A', { investment: [70000], fixedStart: 2028 })], {
      organisation: { name: 'Commune de Test', kind: 'commune', fctvaRegime: 'N' },
      horizon: { firstYear: 2028, years: 3 },
      actuals: [{ project: 'A', year: 2027, paid: 80000 }],
    });
    const { ppi } = money(doc, [{ project: 'A', start: 2028 }]);
    expect(ppi.fctva).toEqual([11482.8, 0, 0]);
  });

  it('holds its identities on generated documents, against a recomputation from the document', () => {
    fc.assert(
      fc.property(
        validPortfolioArb({ maxProjects: 8 }).chain((doc) =>
          fc.record({
            doc: fc.constant(doc),
            picks: fc.array(fc.nat({ max: 99 }), {
              minLength: doc.projects.length,
              maxLength: doc.projects.length,
            }),
            paid: fc.array(fc.integer({ min: 0, max: 400 }), {
              minLength: doc.projects.length * 2,
              maxLength: doc.projects.length * 2,
            }),
          }),
        ),
        ({ doc, picks, paid }) => {
          // A plan of about half the projects, each at a start that fits.
          const { firstYear, years } = doc.horizon;
          const plan: PlanEntry[] = [];
          doc.projects.forEach((p, i) => {
            const room = years - p.investment.length;
            if (picks[i]! % 2 === 0 && room >= 0) {
              plan.push({ project: p.id, start: firstYear + (picks[i]! % (room + 1)) });
            }
          });
          // Some CP paid in the two years before the horizon.
          const actuals: ActualEntry[] = [];
          doc.projects.forEach((p, i) => {
            for (const back of [1, 2]) {
              const amount = paid[2 * i + back - 1]!;
              if (amount % 3 === 0) {
                actuals.push({ project: p.id, year: firstYear - back, paid: amount * 100 });
              }
            }
          });
          const withPaid: Portfolio = { ...doc, actuals };
          const { report, ppi, annex } = money(withPaid, plan);

          const rate = doc.organisation.fctvaRate ?? DEFAULT_FCTVA_RATE;
          const lag = { N: 0, 'N+1': 1, 'N+2': 2 }[doc.organisation.fctvaRegime];
          const byId = new Map(doc.projects.map((p) => [p.id, p]));
          const expected = {
            expenditure: new Array<number>(years).fill(0),
            subsidies: new Array<number>(years).fill(0),
            partners: new Array<number>(years).fill(0),
            fctva: new Array<number>(years).fill(0),
          };
          const refund = (p: Project, year: number, amount: number) => {
            const t = year + lag - firstYear;
            if (p.fctvaEligible !== false && t >= 0 && t < years) {
              expected.fctva[t]! += rate * amount * (1 - (p.partnerShare ?? 0));
            }
          };
          for (const e of plan) {
            const p = byId.get(e.project)!;
            p.investment.forEach((cp, k) => {
              const t = e.start + k - firstYear;
              expected.expenditure[t]! += cp;
              expected.subsidies[t]! += cp * (p.subsidyRate ?? 0);
              expected.partners[t]! += cp * (p.partnerShare ?? 0);
              refund(p, e.start + k, cp);
            });
          }
          for (const a of actuals) refund(byId.get(a.project)!, a.year, a.paid);

          for (let t = 0; t < years; t++) {
            // Recomputed from the document.
            expect(close(ppi.expenditure[t]!, expected.expenditure[t]!)).toBe(true);
            expect(close(ppi.subsidies[t]!, expected.subsidies[t]!)).toBe(true);
            expect(close(ppi.partners[t]!, expected.partners[t]!)).toBe(true);
            expect(close(ppi.fctva[t]!, expected.fctva[t]!)).toBe(true);
            // receipts + net = expenditure.
            expect(
              close(
                ppi.subsidies[t]! + ppi.partners[t]! + ppi.fctva[t]! + ppi.net[t]!,
                ppi.expenditure[t]!,
              ),
            ).toBe(true);
            // The projects' CP of the year sum to the year's expenditure.
            const sum = ppi.projects.reduce((s, p) => s + p.cp[t]!, 0);
            expect(close(sum, ppi.expenditure[t]!, ppi.projects.length)).toBe(true);
          }
          // The PPI says what the financing plan says.
          const lines = Object.fromEntries(financeLines(report).map((l) => [l.key, l]));
          expect(ppi.expenditure).toEqual(lines.gross!.values);
          expect(ppi.subsidies).toEqual(lines.subsidies!.values);
          expect(ppi.partners).toEqual(lines.partners!.values);
          expect(ppi.fctva).toEqual(lines.fctva!.values);
          expect(ppi.totals.expenditure).toBe(lines.gross!.total);
          expect(ppi.totals.fctva).toBe(lines.fctva!.total);
          // Per project: before + CP of the horizon + after = its AP, the annex's amount.
          ppi.projects.forEach((p, i) => {
            expect(p.project).toBe(plan[i]!.project);
            expect(p.amount).toBe(annex[i]!.amount);
            const spread = p.before + p.cp.reduce((s, x) => s + x, 0) + p.after;
            expect(close(spread, p.amount, p.cp.length + 2)).toBe(true);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with the financing plan on a generated 60-project plan', () => {
    const doc = generatePortfolio({ projects: 60, years: 6, teams: 3, seed: 11 });
    const rnd = seededRandom(5);
    const plan = doc.projects
      .filter(() => rnd() < 0.5)
      .map((p) => ({
        project: p.id,
        start: 2027 + Math.floor(rnd() * (7 - p.investment.length)),
      }));
    const { report, ppi } = money(doc, plan);
    expect(ppi.expenditure).toEqual(report.investment.gross);
    expect(ppi.fctva).toEqual(report.fctva);
    ppi.years.forEach((_, t) => {
      expect(ppi.net[t]).toBeCloseTo(report.investment.net[t]! - report.fctva[t]!, 2);
    });
    expect(ppi.totals.net).toBeCloseTo(report.totals.net - report.totals.fctva, 1);
  });
});
