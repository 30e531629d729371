/**
 * The finance workbook of a plan (MODEL.md §6, `financePlan`): sheets Plan,
 * CP par projet et année, AP, FCTVA, Fonctionnement and Coût net, French
 * headers, amounts in euros, header rows frozen, totals in bold. Amounts are
 * values (not formulas), equal to the engine's figures to the cent.
 */
import { FINANCE_LINE_LABELS, financeLines, type FinanceReport } from '../../shared/engine/finance';
import { DEFAULT_FCTVA_RATE, type Portfolio } from '../../shared/model/portfolio';
import { col, writeWorkbook, type Table } from './xlsx';

export const FINANCE_SHEETS = {
  plan: 'Plan',
  cp: 'CP par projet et année',
  ap: 'AP',
  fctva: 'FCTVA',
  operating: 'Fonctionnement',
  netCost: 'Coût net',
} as const;

/** The finance workbook of a plan, as tables. Pure. */
export function financeTables(portfolio: Portfolio, report: FinanceReport): Table[] {
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const years = report.years;
  const lastYear = years[years.length - 1] ?? portfolio.horizon.firstYear;
  const total = 'Total';
  const plan: Table = {
    name: FINANCE_SHEETS.plan,
    columns: [
      col('Projet', 'text', 12),
      col('Nom', 'text', 44),
      col('Démarrage', 'number', 12),
      col('Dernière année de réalisation', 'number', 16),
      col('Autorisation de programme (AP)', 'money', 20),
    ],
    rows: [
      ...report.projects.map((l) => [
        l.project,
        names.get(l.project) ?? null,
        l.start,
        l.start + l.cp.length - 1,
        l.ap,
      ]),
    ],
  };
  const cp: Table = {
    name: FINANCE_SHEETS.cp,
    columns: [
      col('Projet', 'text', 12),
      col('Nom', 'text', 40),
      ...years.map((y) => col(`CP ${y}`, 'money', 16)),
      col(`CP après ${lastYear}`, 'money', 16),
      col('Total des CP', 'money', 18),
    ],
    rows: [],
  };
  const colTotals = new Array<number>(years.length + 2).fill(0);
  for (const l of report.projects) {
    const row = years.map((y) => {
      const k = y - l.start;
      return k >= 0 && k < l.cp.length ? l.cp[k]! : 0;
    });
    const after = l.cp.reduce((s, v, k) => (l.start + k > lastYear ? s + v : s), 0);
    const all = [...row, cents(after), l.ap];
    all.forEach((v, i) => (colTotals[i]! += v));
    cp.rows.push([l.project, names.get(l.project) ?? null, ...all]);
  }
  cp.rows.push([total, null, ...colTotals.map(cents)]);
  const ap: Table = {
    name: FINANCE_SHEETS.ap,
    columns: [
      col('Projet', 'text', 12),
      col('Nom', 'text', 44),
      col('Autorisation de programme (AP)', 'money', 20),
      col('Durée (années)', 'number', 12),
      col('Années', 'text', 14),
    ],
    rows: [
      ...report.projects.map((l) => [
        l.project,
        names.get(l.project) ?? null,
        l.ap,
        l.cp.length,
        l.cp.length > 1 ? `${l.start}–${l.start + l.cp.length - 1}` : String(l.start),
      ]),
      [total, null, cents(report.projects.reduce((s, l) => s + l.ap, 0)), null, null],
    ],
  };
  const regime = portfolio.organisation.fctvaRegime;
  const rate = portfolio.organisation.fctvaRate ?? DEFAULT_FCTVA_RATE;
  const fctva: Table = {
    name: FINANCE_SHEETS.fctva,
    columns: [
      col('Année', 'number', 10),
      col(`FCTVA reçu (régime ${regime}, taux ${(rate * 100).toFixed(3)} %)`, 'money', 30),
    ],
    rows: [
      ...years.map((y, t) => [y, report.fctva[t]!]),
      [total, report.totals.fctva],
      [`Reçu après ${lastYear}`, report.totals.fctvaAfterHorizon],
    ],
  };
  const operating: Table = {
    name: FINANCE_SHEETS.operating,
    columns: [
      col('Année', 'number', 10),
      col('Coût de fonctionnement (part de la collectivité)', 'money', 24),
      col('Économies annoncées', 'money', 20),
      col('Solde de fonctionnement', 'money', 20),
    ],
    rows: [
      ...years.map((y, t) => [
        y,
        report.operating.run[t]!,
        report.operating.savings[t]!,
        cents(report.operating.run[t]! - report.operating.savings[t]!),
      ]),
      [
        total,
        report.totals.run,
        report.totals.savings,
        cents(report.totals.run - report.totals.savings),
      ],
    ],
  };
  const lines = financeLines(report);
  const net: Table = {
    name: FINANCE_SHEETS.netCost,
    columns: [
      col('Année', 'number', 10),
      ...lines.map((line) => col(FINANCE_LINE_LABELS[line.key], 'money', line.strong ? 22 : 18)),
    ],
    rows: [
      ...years.map((y, t) => [y, ...lines.map((line) => line.values[t]!)]),
      [total, ...lines.map((line) => line.total)],
    ],
  };
  return [plan, cp, ap, fctva, operating, net];
}

function cents(v: number): number {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? 0 : r;
}

/** The finance workbook (.xlsx bytes) of a plan. */
export async function exportFinanceWorkbook(
  portfolio: Portfolio,
  report: FinanceReport,
  scenarioName: string,
): Promise<Buffer> {
  return writeWorkbook(financeTables(portfolio, report), {
    title: `Finances – ${scenarioName}`,
    boldRow: 'Total',
  });
}
