/**
 * The finance workbook of a plan (MODEL.md §6, `financePlan`): sheets Plan,
 * CP par projet et année, AP, FCTVA, Fonctionnement and Coût net, French
 * headers, amounts in euros, header rows frozen, totals in bold. Amounts are
 * values (not formulas), equal to the engine's figures to the cent.
 *
 * Then the money for the vote (MODEL.md §9, `moneyForVote`):
 *
 * - « PPI », the table a finance officer pastes into the budget-orientation
 *   report: expenditure (CP) with one « dont » row per AP (number, amount,
 *   CP realised before the horizon, per year, after), then subsidies,
 *   partner shares, FCTVA received and the net financing, per year and over
 *   the horizon;
 * - « Annexe AP-CP » (Excel refuses « / » in a sheet name), the annex as
 *   voted: AP number, project, label, AP initiale, révisions, AP
 *   actualisée, first year, CP per year (realised before the horizon,
 *   planned after), total of the CP, and a total row;
 * - « Exécution » (MODEL.md §9 `actuals`, `executionReport`): one row per
 *   project followed and budget year it has CP voted or paid in, with the
 *   CP voted, the amount paid and the status when recorded, else empty, so
 *   that finance fills in what was paid and imports the sheet back into the
 *   document (actuals-import.ts reads its Projet, Exercice, Montant payé and
 *   État columns; the rows left empty are not read).
 */
import { annexTotal } from '../../shared/engine/annex';
import { executionReport } from '../../shared/engine/execution';
import { FINANCE_LINE_LABELS, financeLines, type FinanceReport } from '../../shared/engine/finance';
import { moneyForVote, type MoneyForVote } from '../../shared/engine/ppi';
import { DEFAULT_FCTVA_RATE, type Portfolio } from '../../shared/model/portfolio';
import { col, writeWorkbook, type Table } from './xlsx';
import { EXECUTION, EXECUTION_SHEET, STATUS_WORDS } from './workbook-execution';

export const FINANCE_SHEETS = {
  plan: 'Plan',
  cp: 'CP par projet et année',
  ap: 'AP',
  fctva: 'FCTVA',
  operating: 'Fonctionnement',
  netCost: 'Coût net',
  ppi: 'PPI',
  // Excel refuses « / » in a sheet name.
  annex: 'Annexe AP-CP',
  execution: EXECUTION_SHEET,
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
  const plannedOrder = report.projects.map((l) => ({ project: l.project, start: l.start }));
  const money = moneyForVote(portfolio, plannedOrder, report);
  return [
    plan,
    cp,
    ap,
    fctva,
    operating,
    net,
    ppiSheet(money),
    annexSheet(money, years[0] ?? 0),
    executionSheet(portfolio, plannedOrder),
  ];
}

/** « Exécution »: CP voted, paid and status per project and year, to fill in (see the header). */
export function executionSheet(
  portfolio: Portfolio,
  plan: readonly { project: string; start: number }[],
): Table {
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const report = executionReport(portfolio, { plan });
  const recorded = new Map(
    (portfolio.actuals ?? []).map((r) => [JSON.stringify([r.project, r.year]), r]),
  );
  return {
    name: FINANCE_SHEETS.execution,
    columns: [
      col(EXECUTION.project, 'text', 12),
      col('Nom', 'text', 40),
      col(EXECUTION.year, 'number', 10),
      col('CP voté', 'money', 16),
      col(EXECUTION.paid, 'money', 16),
      col(EXECUTION.status, 'text', 14),
    ],
    rows: report.projects.flatMap((p) =>
      p.years
        .filter((y) => y.voted !== 0 || recorded.has(JSON.stringify([p.project, y.year])))
        .map((y) => {
          const row = recorded.get(JSON.stringify([p.project, y.year]));
          return [
            p.project,
            names.get(p.project) ?? null,
            y.year,
            y.voted,
            row ? row.paid : null,
            row?.status ? STATUS_WORDS[row.status] : null,
          ];
        }),
    ),
  };
}

/** « PPI »: expenditure and its AP, receipts, net, per year (see the header). */
export function ppiSheet(money: MoneyForVote): Table {
  const { ppi } = money;
  const first = ppi.years[0];
  const last = ppi.years[ppi.years.length - 1];
  const span = first === undefined ? '' : first === last ? ` ${first}` : ` ${first}–${last}`;
  const sumOf = (xs: number[]) => cents(xs.reduce((s, x) => s + x, 0));
  const line = (label: string, values: number[], total: number) => [
    label,
    null,
    null,
    null,
    ...values,
    null,
    total,
  ];
  return {
    name: FINANCE_SHEETS.ppi,
    columns: [
      col('Rubrique', 'text', 48),
      col('N° AP', 'text', 14),
      col('Montant de l’AP', 'money', 18),
      col(first === undefined ? 'Réalisé avant' : `Réalisé avant ${first}`, 'money', 16),
      ...ppi.years.map((y) => col(String(y), 'money', 16)),
      col(last === undefined ? 'Après' : `Après ${last}`, 'money', 16),
      col(`Total${span}`, 'money', 18),
    ],
    rows: [
      [
        'Dépenses d’investissement (CP)',
        null,
        sumOf(ppi.projects.map((p) => p.amount)),
        sumOf(ppi.projects.map((p) => p.before)),
        ...ppi.expenditure,
        sumOf(ppi.projects.map((p) => p.after)),
        ppi.totals.expenditure,
      ],
      ...ppi.projects.map((p) => [
        `dont ${p.project} ${p.label}`,
        p.ap,
        p.amount,
        p.before,
        ...p.cp,
        p.after,
        sumOf(p.cp),
      ]),
      line('Subventions', ppi.subsidies, ppi.totals.subsidies),
      line('Participations des partenaires', ppi.partners, ppi.totals.partners),
      line('FCTVA reçu', ppi.fctva, ppi.totals.fctva),
      line('Financement net (à la charge de la collectivité)', ppi.net, ppi.totals.net),
    ],
  };
}

/** « Annexe AP-CP »: one row per AP and a total row (see the header). */
export function annexSheet(money: MoneyForVote, firstYear: number): Table {
  const rows = money.annex;
  const total = annexTotal(rows, firstYear);
  const years = total.cp.map((_, i) => total.firstYear + i);
  // No AP initiale known (no baseline): the revision columns stay empty, totals too.
  const revised = rows.some((r) => r.initial !== null);
  return {
    name: FINANCE_SHEETS.annex,
    columns: [
      col('N° AP', 'text', 14),
      col('Projet', 'text', 12),
      col('Libellé', 'text', 44),
      col('AP initiale', 'money', 16),
      col('Révisions', 'money', 16),
      col('AP actualisée', 'money', 16),
      col('1re année', 'number', 10),
      ...years.map((y) => col(`CP ${y}`, 'money', 16)),
      col('Total des CP', 'money', 18),
    ],
    rows: [
      ...rows.map((r) => [
        r.ap,
        r.project,
        r.label,
        r.initial,
        r.revision,
        r.amount,
        r.firstYear,
        ...years.map((y) => r.cp[y - r.firstYear] ?? 0),
        cents(r.cp.reduce((s, x) => s + x, 0)),
      ]),
      [
        'Total',
        null,
        null,
        revised ? total.initial : null,
        revised ? total.revision : null,
        total.amount,
        null,
        ...total.cp,
        cents(total.cp.reduce((s, x) => s + x, 0)),
      ],
    ],
  };
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
