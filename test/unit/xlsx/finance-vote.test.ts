/**
 * The finance workbook's « PPI » and « Annexe AP-CP » sheets (MODEL.md §9),
 * read back with exceljs: every figure equals the engine's.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportFinanceWorkbook,
  FINANCE_SHEETS,
} from '../../../electron/documents/finance-workbook';
import { adoptPlan, annexTotal } from '../../../shared/engine/annex';
import { financePlan } from '../../../shared/engine/finance';
import { nextYear } from '../../../shared/engine/next-year';
import { moneyForVote } from '../../../shared/engine/ppi';
import { resolveScenario, type PlanEntry, type Portfolio } from '../../../shared/model/portfolio';
import { generatePortfolio, seededRandom } from '../../support/generate';

async function sheetsOf(doc: Portfolio, plan: PlanEntry[]) {
  const report = financePlan(doc, resolveScenario(doc)!, plan);
  const money = moneyForVote(doc, plan, report);
  const workbook = new ExcelJS.Workbook();
  const bytes = await exportFinanceWorkbook(doc, report, 'Référence');
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const read = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const rows: (string | number | null)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: (string | number | null)[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === undefined ? null : (v as string | number | null));
      }
      rows.push(cells);
    });
    return rows;
  };
  return { money, ppi: read(FINANCE_SHEETS.ppi), annex: read(FINANCE_SHEETS.annex), workbook };
}

/** A generated document a year on: continued projects with CP paid in 2027, a baseline. */
async function secondYear(seed: number): Promise<{ doc: Portfolio; plan: PlanEntry[] }> {
  const original = generatePortfolio({ projects: 20, years: 5, teams: 2, seed });
  const rnd = seededRandom(seed);
  const plan = original.projects
    .filter(() => rnd() < 0.5)
    // Every other project started in 2027, the others later.
    .map((p, i) => ({
      project: p.id,
      start: i % 2 === 0 ? 2027 : 2027 + Math.floor(rnd() * (6 - p.investment.length)),
    }));
  const adopted: Portfolio = {
    ...original,
    baseline: adoptPlan(original, plan, { date: '2027-01-20' }),
    actuals: plan
      .filter((e) => e.start === 2027)
      .map((e, i) => {
        const p = original.projects.find((q) => q.id === e.project)!;
        return {
          project: e.project,
          year: 2027,
          paid: Math.round(p.investment[0]! * 0.9),
          status:
            p.investment.length > 1 && i % 4 !== 0 ? ('en-cours' as const) : ('livre' as const),
        };
      }),
  };
  const rolled = nextYear(adopted);
  const next = rolled.portfolio;
  const nextPlan = [
    ...rolled.continued.map((c) => ({ project: c.project, start: 2028 })),
    ...rolled.plannedNotStarted,
  ];
  return { doc: next, plan: nextPlan };
}

describe('finance workbook: PPI and AP/CP annex', () => {
  it('gives the PPI sheet the engine’s figures, in the order of the ROB table', async () => {
    const { doc, plan } = await secondYear(4);
    const { money, ppi, workbook } = await sheetsOf(doc, plan);
    const t = money.ppi;
    const n = t.years.length;
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(FINANCE_SHEETS));
    expect(ppi[0]).toEqual([
      'Rubrique',
      'N° AP',
      'Montant de l’AP',
      'Réalisé avant 2028',
      ...t.years.map(String),
      `Après ${t.years[n - 1]}`,
      `Total 2028–${t.years[n - 1]}`,
    ]);
    const years = (row: (string | number | null)[]) => row.slice(4, 4 + n);
    expect(ppi[1]![0]).toBe('Dépenses d’investissement (CP)');
    expect(years(ppi[1]!)).toEqual(t.expenditure);
    expect(ppi[1]![4 + n + 1]).toBe(t.totals.expenditure);
    // One « dont » row per AP, with its number, amount, CP before, per year and after.
    expect(t.projects.length).toBeGreaterThan(3);
    expect(t.projects.some((p) => p.before > 0)).toBe(true);
    t.projects.forEach((p, i) => {
      const row = ppi[2 + i]!;
      expect(row.slice(0, 4)).toEqual([`dont ${p.project} ${p.label}`, p.ap, p.amount, p.before]);
      expect(years(row)).toEqual(p.cp);
      expect(row[4 + n]).toBe(p.after);
    });
    const after = 2 + t.projects.length;
    const lines: [string, number[], number][] = [
      ['Subventions', t.subsidies, t.totals.subsidies],
      ['Participations des partenaires', t.partners, t.totals.partners],
      ['FCTVA reçu', t.fctva, t.totals.fctva],
      ['Financement net (à la charge de la collectivité)', t.net, t.totals.net],
    ];
    lines.forEach(([label, values, total], k) => {
      const row = ppi[after + k]!;
      expect(row[0]).toBe(label);
      expect(years(row)).toEqual(values);
      expect(row[4 + n + 1]).toBe(total);
    });
    // Read back, the sheet's own identity holds: expenditure − receipts = net.
    for (let c = 4; c < 4 + n; c++) {
      const get = (r: number) => ppi[r]![c] as number;
      expect(get(after + 3)).toBeCloseTo(get(1) - get(after) - get(after + 1) - get(after + 2), 2);
    }
  });

  it('gives the annex sheet one row per AP with its revision, and a total row', async () => {
    const { doc, plan } = await secondYear(9);
    // A revision: the first continued project costs 10 000 € more than left to pay.
    const first = doc.projects.find((p) => p.id === plan[0]!.project)!;
    first.investment = first.investment.map((x, k) => (k === 0 ? x + 10000 : x));
    const { money, annex } = await sheetsOf(doc, plan);
    const total = annexTotal(money.annex, 2028);
    const years = total.cp.map((_, i) => total.firstYear + i);
    expect(total.firstYear).toBe(2027);
    expect(annex[0]).toEqual([
      'N° AP',
      'Projet',
      'Libellé',
      'AP initiale',
      'Révisions',
      'AP actualisée',
      '1re année',
      ...years.map((y) => `CP ${y}`),
      'Total des CP',
    ]);
    money.annex.forEach((r, i) => {
      const row = annex[1 + i]!;
      expect(row.slice(0, 7)).toEqual([
        r.ap,
        r.project,
        r.label,
        r.initial,
        r.revision,
        r.amount,
        r.firstYear,
      ]);
      expect(row.slice(7, 7 + years.length)).toEqual(years.map((y) => r.cp[y - r.firstYear] ?? 0));
      expect(row[7 + years.length]).toBeCloseTo(r.amount, 2);
    });
    expect(money.annex[0]!.revision).toBe(10000);
    const last = annex[1 + money.annex.length]!;
    expect(last.slice(0, 7)).toEqual([
      'Total',
      null,
      null,
      total.initial,
      total.revision,
      total.amount,
      null,
    ]);
    expect(last.slice(7, 7 + years.length)).toEqual(total.cp);
    expect(last[7 + years.length]).toBeCloseTo(total.amount, 2);
  });

  it('leaves the revision columns empty without a baseline', async () => {
    const doc = generatePortfolio({ projects: 6, years: 3, teams: 1, seed: 2 });
    const plan = doc.projects
      .filter((p) => p.investment.length <= 3)
      .map((p) => ({ project: p.id, start: 2027 }));
    const { annex, money } = await sheetsOf(doc, plan);
    const last = annex[1 + money.annex.length]!;
    expect(last[0]).toBe('Total');
    expect([last[3], last[4]]).toEqual([null, null]);
    expect(annex.slice(1, -1).every((row) => row[3] === null && row[4] === null)).toBe(true);
  });
});
