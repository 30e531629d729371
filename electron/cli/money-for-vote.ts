/**
 * How `arbitra finance` prints the money for the vote (MODEL.md §9): the PPI
 * table for the budget-orientation debate, the AP/CP annex with its total
 * row, and the projects below their self-financing floor with what they
 * lack, in French.
 *
 * Every table stays under 100 columns: the PPI has one row per year (years
 * pivoted to rows), the annex gives its amounts in one table and its CP in
 * a second, cut into groups of years that fit, each with its total row.
 * Labels are cut with « … » to what the other columns leave (40 characters at most).
 */
import { annexTotal } from '../../shared/engine/annex';
import type { MoneyForVote } from '../../shared/engine/ppi';
import type { Portfolio } from '../../shared/model/portfolio';
import { euro, table } from './format';

/** Widest line a table may print. */
export const MAX_WIDTH = 99;
const GAP = 2;
const LABEL_WIDTH = 40;

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

function cut(text: string, width = LABEL_WIDTH): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function widths(head: string[], rows: string[][]): number[] {
  return head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
}

/** A text table (format.ts), first `left` columns aligned left, a rule under the header. */
function grid(head: string[], rows: string[][], left = 1): string {
  const align = head.map((_, c) => (c < left ? 'l' : 'r')).join('');
  return table(head, rows, { align, indent: '', rule: true }).trimEnd();
}

/**
 * Groups of consecutive value columns that fit beside the key columns in
 * `MAX_WIDTH` (at least one column per group).
 */
export function fitColumns(keyWidth: number, columnWidths: readonly number[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let used = keyWidth;
  columnWidths.forEach((w, i) => {
    if (current.length > 0 && used + GAP + w > MAX_WIDTH) {
      groups.push(current);
      current = [];
      used = keyWidth;
    }
    current.push(i);
    used += GAP + w;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

function ppiSection(money: MoneyForVote): string {
  const { ppi } = money;
  const rows = ppi.years.map((y, t) => [
    String(y),
    euro(ppi.expenditure[t]!),
    euro(ppi.subsidies[t]!),
    euro(ppi.partners[t]!),
    euro(ppi.fctva[t]!),
    euro(ppi.net[t]!),
  ]);
  const t = ppi.totals;
  rows.push([
    'Total',
    euro(t.expenditure),
    euro(t.subsidies),
    euro(t.partners),
    euro(t.fctva),
    euro(t.net),
  ]);
  return grid(
    ['Exercice', 'Dépenses (CP)', 'Subventions', 'Partenaires', 'FCTVA reçu', 'Net'],
    rows,
  );
}

function annexSection(money: MoneyForVote, firstYear: number): string[] {
  const rows = money.annex;
  if (rows.length === 0) return ['(aucun projet au plan)'];
  const total = annexTotal(rows, firstYear);
  const revised = rows.some((r) => r.initial !== null);
  const head = [
    'N° AP',
    'Libellé',
    '1re année',
    ...(revised ? ['AP initiale', 'Révisions'] : []),
    revised ? 'AP actualisée' : 'Montant AP',
  ];
  const body = [
    ...rows.map((r) => [
      r.ap,
      `${r.project} ${r.label}`.trim(),
      String(r.firstYear),
      ...(revised
        ? [r.initial === null ? '—' : euro(r.initial), r.revision === null ? '—' : euro(r.revision)]
        : []),
      euro(r.amount),
    ]),
    [
      'Total',
      '',
      '',
      ...(revised ? [euro(total.initial), euro(total.revision)] : []),
      euro(total.amount),
    ],
  ];
  // The label takes what the other columns leave of the width.
  const others = widths(head, body).reduce((s, w, c) => (c === 1 ? s : s + w + GAP), 0);
  const labelWidth = Math.max(12, Math.min(LABEL_WIDTH, MAX_WIDTH - others));
  const amounts = grid(
    head,
    body.map((cells) => cells.map((cell, c) => (c === 1 ? cut(cell, labelWidth) : cell))),
    2,
  );
  // CP per year, in groups of years that fit.
  const years = total.cp.map((_, i) => total.firstYear + i);
  const cell = (r: { cp: number[]; firstYear: number }, y: number) => {
    const v = r.cp[y - r.firstYear];
    return v === undefined || v === 0 ? '' : euro(v);
  };
  const keys = [...rows.map((r) => r.ap), 'Total'];
  const keyWidth = Math.max('N° AP'.length, ...keys.map((k) => k.length));
  const columns = years.map((y) => [
    `CP ${y}`,
    ...rows.map((r) => cell(r, y)),
    euro(total.cp[y - total.firstYear]!),
  ]);
  const groups = fitColumns(
    keyWidth,
    columns.map((c) => Math.max(...c.map((s) => s.length))),
  );
  const cpTables = groups.map((group) =>
    grid(
      ['N° AP', ...group.map((i) => columns[i]![0]!)],
      keys.map((k, r) => [k, ...group.map((i) => columns[i]![r + 1]!)]),
    ),
  );
  const notes: string[] = [];
  if (total.firstYear < firstYear) {
    notes.push(`Les CP des exercices avant ${firstYear} sont les crédits payés (réalisés).`);
  }
  if (revised && rows.some((r) => r.initial === null)) {
    notes.push('« — » : AP nouvelle, absente du plan adopté en comité.');
  }
  return [amounts, '', 'Crédits de paiement par exercice', cpTables.join('\n\n'), ...notes];
}

function floorSection(money: MoneyForVote, portfolio: Portfolio): string[] {
  if (money.selfFinancing.length === 0) {
    return ['Tous les projets du plan respectent leur plancher d’autofinancement.'];
  }
  const names = new Map(portfolio.projects.map((p) => [p.id, p.name]));
  const count = money.selfFinancing.length;
  return [
    `Attention : ${count} projet${count > 1 ? 's' : ''} du plan sous ${count > 1 ? 'leur' : 'son'} plancher ; il manque ce financement propre.`,
    grid(
      ['Projet', 'Autofinancement', 'Plancher', 'Manque'],
      money.selfFinancing.map((s) => [
        cut(`${s.project} ${names.get(s.project) ?? ''}`.trim()),
        percent.format(s.share),
        percent.format(s.floor),
        euro(s.shortfall),
      ]),
    ),
  ];
}

/** The PPI, the annex and the floor warnings, as French text ending with a blank line. */
export function formatMoneyForVote(money: MoneyForVote, portfolio: Portfolio): string {
  const firstYear = portfolio.horizon.firstYear;
  return [
    'Plan pluriannuel d’investissement (PPI), montants TTC',
    ppiSection(money),
    'Net = dépenses − subventions − partenaires − FCTVA reçu dans l’année.',
    '',
    'Annexe des autorisations de programme et crédits de paiement (AP/CP)',
    ...annexSection(money, firstYear),
    '',
    'Plancher d’autofinancement (CGCT, art. L1111-10)',
    ...floorSection(money, portfolio),
    '',
  ].join('\n');
}
