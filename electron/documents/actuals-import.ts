/**
 * Importing execution rows (MODEL.md §9 `actuals`) from a workbook into the
 * open document: the « Exécution » sheet of a document or finance workbook,
 * or an accounting export with one row per project and year (projet,
 * exercice, montant payé, état; the columns of workbook-execution.ts).
 *
 * - **The sheet read**: the one called « Exécution » (any case and
 *   accents), else the first sheet that has the project, year and paid
 *   columns.
 * - **A row** names a project of the open document, a budget year (a whole
 *   number), the amount paid (euros ≥ 0; empty: the document's amount is
 *   kept, 0 for a new row) and a status (empty: kept). Empty rows, and rows
 *   with neither an amount nor a status (the finance workbook's years still
 *   to pay), are not read. Two rows for one project and year are refused.
 * - **Merging** follows shared/model/merge-actuals.ts; the merged document
 *   is then checked by `validatePortfolio`, and each problem of a merged
 *   row is reported at its cell.
 * - **Refused whole**: with any problem nothing is returned, so the open
 *   document does not change; every problem names sheet, row and column.
 *
 * Nothing is written here: the renderer sends the merge as one edit.
 */
import { mergeActuals, type IncomingActual } from '../../shared/model/merge-actuals';
import type { ActualStatus, Portfolio, Problem } from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';
import { DocumentError } from './document-error';
import {
  EXECUTION,
  EXECUTION_SHEET,
  executionColumns,
  missingExecutionColumns,
  normaliseHeader,
  readStatus,
  statusText,
} from './workbook-execution';
import { unreadableWorkbook } from './workbook-limits';
import {
  isEmpty,
  place,
  rowsOf,
  shown,
  type ReadContext,
  type ReadTable,
  type Where,
} from './workbook-read';
import { readWorkbookTables } from './xlsx';

export type ActualsImport =
  | {
      ok: true;
      /** The rows read, in the sheet's order, to merge with `mergeActuals`. */
      rows: IncomingActual[];
      sheet: string;
      /** How many rows the merge adds, and how many existing rows it changes. */
      added: number;
      replaced: number;
      warnings: string[];
    }
  | { ok: false; problems: Problem[] };

/** The sheet to read (see the header), or a problem saying why there is none. */
function chooseSheet(tables: ReadTable[]): ReadTable | Problem {
  const named = tables.find((t) => normaliseHeader(t.name) === normaliseHeader(EXECUTION_SHEET));
  if (named) {
    return (
      executionColumns(named) ?? {
        path: `Feuille ${named.name}`,
        message: `la feuille n’a pas les colonnes attendues : ${missingExecutionColumns(named)
          .map((h) => `« ${h} »`)
          .join(
            ', ',
          )} manque${missingExecutionColumns(named).length > 1 ? 'nt' : ''} en première ligne.`,
      }
    );
  }
  for (const t of tables) {
    const found = executionColumns(t);
    if (found) return found;
  }
  return {
    path: '',
    message: `Ce classeur n’a ni feuille « ${EXECUTION_SHEET} » ni feuille aux colonnes « ${EXECUTION.project} », « ${EXECUTION.year} » et « ${EXECUTION.paid} » (une ligne par projet et par exercice, « ${EXECUTION.status} » en option).`,
  };
}

/** Reads the rows of the chosen sheet against the open document (see the header). */
export function actualsFromTables(tables: ReadTable[], portfolio: Portfolio): ActualsImport {
  const sheet = chooseSheet(tables);
  if (!('headers' in sheet)) return { ok: false, problems: [sheet] };
  const ctx: ReadContext = { problems: [], where: new Map() };
  const known = new Set(portfolio.projects.map((p) => p.id));
  const rows: IncomingActual[] = [];
  const cells: Where[] = [];
  const seen = new Map<string, number>();
  for (const r of rowsOf(ctx, sheet)) {
    const paidCell = r.raw(EXECUTION.paid);
    const statusCell = r.raw(EXECUTION.status);
    if (isEmpty(paidCell) && isEmpty(statusCell)) continue;
    const before = ctx.problems.length;
    const project = r.text(EXECUTION.project);
    const year = r.number(EXECUTION.year);
    const paid = r.number(EXECUTION.paid);
    let status: ActualStatus | undefined;
    if (project === undefined) r.fail(EXECUTION.project, 'le projet est à indiquer.');
    else if (!known.has(project)) {
      r.fail(EXECUTION.project, `le projet « ${project} » n’est pas dans le document ouvert.`);
    }
    if (year === undefined) r.fail(EXECUTION.year, 'l’exercice est à indiquer (par exemple 2027).');
    else if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      r.fail(
        EXECUTION.year,
        `${shown(year)} n’est pas un exercice : une année de 2000 à 2100 est attendue.`,
      );
    }
    if (paid !== undefined && paid < 0) {
      r.fail(EXECUTION.paid, `${shown(paid)} : un montant payé ne peut pas être négatif.`);
    }
    if (!isEmpty(statusCell)) {
      const read = readStatus(statusText(statusCell));
      if (read) status = read;
      else {
        r.fail(
          EXECUTION.status,
          `${typeof statusCell === 'string' || typeof statusCell === 'number' ? shown(statusCell) : 'cette valeur'} n’est pas un état : « en cours », « livré » ou « abandonné » est attendu.`,
        );
      }
    }
    if (ctx.problems.length > before || project === undefined || year === undefined) continue;
    const key = JSON.stringify([project, year]);
    const twice = seen.get(key);
    if (twice !== undefined) {
      r.fail(
        EXECUTION.year,
        `le projet « ${project} » a déjà une ligne pour l’exercice ${year} (ligne ${twice}) ; une seule ligne par projet et par exercice.`,
      );
      continue;
    }
    seen.set(key, r.row);
    rows.push({
      project,
      year,
      ...(paid !== undefined ? { paid } : {}),
      ...(status ? { status } : {}),
    });
    cells.push({ sheet: sheet.name, row: r.row });
  }
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };

  const merged = mergeActuals(portfolio.actuals, rows);
  const checked = validatePortfolio({ ...portfolio, actuals: merged.actuals });
  const column: Record<string, string> = {
    project: EXECUTION.project,
    year: EXECUTION.year,
    paid: EXECUTION.paid,
    status: EXECUTION.status,
  };
  const at = (path: string): Where | undefined => {
    const m = /^actuals\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (!m) return undefined;
    const i = merged.placed.lastIndexOf(Number(m[1]));
    if (i < 0) return undefined;
    const name = m[2] === undefined ? undefined : column[m[2]];
    return { ...cells[i]!, ...(name ? { column: name } : {}) };
  };
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => {
        const w = at(p.path);
        return w ? { path: place(w), message: p.message } : p;
      }),
    };
  }
  const warnings = checked.warningPaths
    .filter((w) => /^actuals\[/.test(w.path))
    .map((w) => {
      const where = at(w.path);
      return `${where ? place(where) : w.path} : ${w.message}`;
    });
  return {
    ok: true,
    rows,
    sheet: sheet.name,
    added: merged.added.length,
    replaced: merged.replaced.length,
    warnings,
  };
}

/** Reads a workbook's execution rows against the open document. Never throws. */
export async function importActualsWorkbook(
  bytes: Uint8Array,
  portfolio: Portfolio,
): Promise<ActualsImport> {
  let tables: ReadTable[];
  try {
    tables = await readWorkbookTables(bytes);
  } catch (error) {
    const refusal = error instanceof DocumentError ? error : unreadableWorkbook();
    return { ok: false, problems: refusal.problems };
  }
  return actualsFromTables(tables, portfolio);
}
