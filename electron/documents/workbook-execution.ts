/**
 * The sheet « Exécution » (MODEL.md §9 `actuals`): one row per project and
 * budget year, with the CP actually paid and the project's status, the
 * shape an accounting export gives (projet, exercice, montant payé, état).
 * The document workbook holds it (written and read back here), the finance
 * workbook holds one with the CP voted beside (`finance-workbook.ts`), and
 * the import of execution rows (`actuals-import.ts`) reads either, or the
 * first sheet of an accounting export with those columns.
 *
 * Rules:
 *
 * - **Columns** are found by their header, whatever the case, accents and
 *   spacing, a unit in brackets aside (« Montant payé (€) »), with the
 *   words an accounting export uses: Projet (or Code projet); Exercice (or
 *   Année); Montant payé (or Payé, Mandaté, Montant mandaté, CP payés);
 *   État (or Statut). Other columns are not read.
 * - **État** is written « en cours », « livré », « abandonné »; read in
 *   those words or as the format's codes (`en-cours`, `livre`, `abandonne`),
 *   whatever the case and accents.
 */
import type { ActualStatus, Portfolio } from '../../shared/model/portfolio';
// Types only: workbook-tables.ts and workbook-read.ts import this module.
import type { ReadCell, ReadTable } from './workbook-read';
import type { Column, ColumnKind, Table } from './workbook-tables';

export const EXECUTION_SHEET = 'Exécution';

export const EXECUTION = {
  project: 'Projet',
  year: 'Exercice',
  paid: 'Montant payé',
  status: 'État',
} as const;

export const STATUS_WORDS: Record<ActualStatus, string> = {
  'en-cours': 'en cours',
  livre: 'livré',
  abandonne: 'abandonné',
};

/** Lower case, no accents, no unit in brackets, one space between words. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ALIASES: Record<keyof typeof EXECUTION, string[]> = {
  project: ['projet', 'code projet'],
  year: ['exercice', 'annee'],
  paid: ['montant paye', 'paye', 'mandate', 'montant mandate', 'cp payes'],
  status: ['etat', 'statut'],
};

/** The status a cell names, `undefined` for an empty cell, or null when it names none. */
export function readStatus(text: string | undefined): ActualStatus | undefined | null {
  if (text === undefined || text.trim() === '') return undefined;
  const n = normaliseHeader(text).replace(/ /g, '-');
  if (n === 'en-cours') return 'en-cours';
  if (n === 'livre') return 'livre';
  if (n === 'abandonne') return 'abandonne';
  return null;
}

/**
 * The table with its execution columns renamed to the sheet's own headers
 * (`EXECUTION`), so that rows are read by those; null when a column the
 * rows need (project, year, paid) is missing. The first column matching
 * each wins.
 */
export function executionColumns(table: ReadTable): ReadTable | null {
  const headers = [...table.headers];
  const found = new Set<string>();
  headers.forEach((h, i) => {
    const n = normaliseHeader(h);
    for (const [key, words] of Object.entries(ALIASES) as [keyof typeof EXECUTION, string[]][]) {
      if (!found.has(key) && words.includes(n)) {
        headers[i] = EXECUTION[key];
        found.add(key);
        return;
      }
    }
    // A header of ours that did not match is not read by mistake.
    if ((Object.values(EXECUTION) as string[]).includes(h)) headers[i] = '';
  });
  if (!found.has('project') || !found.has('year') || !found.has('paid')) return null;
  return { ...table, headers };
}

/** The missing columns' headers, for the message of a sheet that cannot be read. */
export function missingExecutionColumns(table: ReadTable): string[] {
  const present = new Set(table.headers.map(normaliseHeader));
  return (['project', 'year', 'paid'] as const)
    .filter((key) => !ALIASES[key].some((w) => present.has(w)))
    .map((key) => EXECUTION[key]);
}

/** The document workbook's « Exécution » sheet: the document's rows in their order. */
export function executionTable(portfolio: Portfolio): Table {
  const column = (header: string, kind: ColumnKind, width: number): Column => ({
    header,
    kind,
    width,
  });
  return {
    name: EXECUTION_SHEET,
    columns: [
      column(EXECUTION.project, 'text', 14),
      column(EXECUTION.year, 'number', 10),
      column(EXECUTION.paid, 'money', 18),
      column(EXECUTION.status, 'text', 14),
    ],
    // Project ids name projects of the list, whose ids are checked storable.
    rows: (portfolio.actuals ?? []).map((row) => [
      row.project,
      row.year,
      row.paid,
      row.status ? STATUS_WORDS[row.status] : null,
    ]),
  };
}

/** A status cell as text (a number is no status). */
export function statusText(v: ReadCell): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}
