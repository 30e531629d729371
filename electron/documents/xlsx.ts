/**
 * Excel workbooks (`.xlsx`), with exceljs: writing tables as sheets, reading
 * sheets as tables, and the document workbook's export and import.
 *
 * The **document workbook** is the whole portfolio as sheets a finance
 * officer can read and fill in (Paramètres, Critères, Axes, Directions,
 * Équipes, Budget, Projets, Charge des équipes, Scénarios, Plans,
 * Décisions; layout in `workbook-tables.ts`), which is also the import
 * template for projects. Whatever the sheets cannot hold goes to the sheet
 * « Autres champs » (`workbook-extra.ts`), so that export then import gives
 * back the same document.
 *
 * Import reads every cell first: a cell of the wrong type is reported by
 * sheet, row and column (`workbook-read.ts`). The document built from the
 * sheets is then checked by `validatePortfolio`, and its problems are
 * reported at the cell they come from when it is known. A workbook with any
 * problem gives no document at all.
 *
 * The finance workbook of a plan is in `finance-workbook.ts`, on the same
 * sheet writer (`writeWorkbook`).
 */
import ExcelJS from 'exceljs';
import type { Portfolio, Problem } from '../../shared/model/portfolio';
import { validatePortfolio } from '../../shared/model/validate';
import {
  applyResidual,
  EXTRA_COLUMNS,
  extraTable,
  formatSegments,
  readResiduals,
  residuals,
  resolvePath,
  withIds,
} from './workbook-extra';
import { DocumentError } from './document-error';
import {
  documentFromTables,
  locate,
  place,
  type ReadCell,
  type ReadContext,
  type ReadTable,
} from './workbook-read';
import { checkWorkbookLimits, MAX_WORKBOOK_CELLS, unreadableWorkbook } from './workbook-limits';
import {
  checkStorableIds,
  documentTables,
  NO,
  SHEETS,
  YES,
  type ColumnKind,
  type Table,
} from './workbook-tables';

export { residuals, type Residual } from './workbook-extra';
export { documentFromTables, type ReadCell, type ReadTable } from './workbook-read';
export {
  col,
  documentTables,
  SHEETS,
  type CellValue,
  type Column,
  type ColumnKind,
  type Table,
} from './workbook-tables';

/** Tables as they will be read back (number and text cells as written). */
function asRead(table: Table): ReadTable {
  return {
    name: table.name,
    headers: table.columns.map((c) => c.header),
    rows: table.rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}

/** Every table of the document workbook, « Autres champs » included. */
export function documentWorkbookTables(portfolio: Portfolio): Table[] {
  checkStorableIds(portfolio);
  const tables = documentTables(portfolio);
  const ctx: ReadContext = { problems: [], where: new Map() };
  const back = documentFromTables(tables.map(asRead), ctx);
  const extra = residuals(portfolio, back)
    .filter((r) => r.path[0] !== 'format' && r.path[0] !== 'version')
    .map((r) => ({ ...r, path: withIds(portfolio, r.path) }));
  return [...tables, extraTable(extra)];
}

/** The document from read tables, validated. Problems are by sheet, row and column. */
export function documentFromReadTables(
  tables: ReadTable[],
): { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] } {
  const ctx: ReadContext = { problems: [], where: new Map() };
  const doc = documentFromTables(tables, ctx) as unknown as Record<string, unknown>;
  if (ctx.stop) return { ok: false, problems: ctx.problems };
  const warnings: string[] = [];
  for (const r of readResiduals(
    ctx,
    tables.find((t) => t.name === SHEETS.extra),
  )) {
    const path = resolvePath(doc, r.path);
    if (!path) {
      warnings.push(
        `Feuille ${SHEETS.extra}, ligne ${r.row ?? '?'} : l’élément qu’elle complète n’est plus dans le classeur ; la valeur est ignorée.`,
      );
      continue;
    }
    const refused = applyResidual(doc, path, r);
    if (refused !== undefined) {
      ctx.problems.push({
        path: place({ sheet: SHEETS.extra, row: r.row ?? 0, column: EXTRA_COLUMNS[0]!.header }),
        message: refused,
      });
      continue;
    }
    ctx.where.set(formatSegments(path), {
      sheet: SHEETS.extra,
      row: r.row ?? 0,
      column: EXTRA_COLUMNS[1]!.header,
    });
  }
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  const checked = validatePortfolio(doc);
  if (!checked.ok) {
    return {
      ok: false,
      problems: checked.problems.map((p) => {
        const w = locate(ctx.where, p.path);
        return w ? { path: place(w), message: p.message } : p;
      }),
    };
  }
  return {
    ok: true,
    portfolio: doc as unknown as Portfolio,
    warnings: [...warnings, ...checked.warnings],
  };
}

// exceljs: writing and reading sheets.

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  number: undefined,
  money: '#,##0.00 "€"',
  percent: '0.##%',
  days: '#,##0',
  factor: '0.00',
};

function addSheet(workbook: ExcelJS.Workbook, table: Table): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: table.keyValue ? 1 : 0 }],
  });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, Math.min(40, c.header.length + 2)),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const cells of table.rows) sheet.addRow(cells);
  table.columns.forEach((c, i) => {
    const format = FORMATS[c.kind];
    if (!format || c.kind === 'text') return;
    sheet.getColumn(i + 1).eachCell((cell, row) => {
      if (row > 1 && typeof cell.value === 'number') cell.numFmt = format;
    });
  });
  return sheet;
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Arbitra';
  // A fixed date: the same document gives the same workbook.
  workbook.created = new Date(Date.UTC(2020, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}

/**
 * Tables as an .xlsx workbook: one sheet each, header row frozen, number
 * formats by column kind, and a last row whose first cell is `boldRow`
 * (a total) in bold.
 */
export async function writeWorkbook(
  tables: readonly Table[],
  options: { title?: string; boldRow?: string } = {},
): Promise<Buffer> {
  const workbook = newWorkbook();
  if (options.title) workbook.title = options.title;
  for (const table of tables) {
    const sheet = addSheet(workbook, table);
    const last = sheet.getRow(sheet.rowCount);
    if (options.boldRow !== undefined && last.getCell(1).value === options.boldRow) {
      last.font = { bold: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The document workbook (.xlsx bytes). */
export async function exportDocumentWorkbook(portfolio: Portfolio): Promise<Buffer> {
  return writeWorkbook(documentWorkbookTables(portfolio));
}

/** A cell's value as read (see `ReadCell`): never an object of exceljs, never a guess. */
function cellValue(value: ExcelJS.CellValue | undefined): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : { kind: 'error', error: String(value) };
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time)
      ? { kind: 'error', error: '#DATE!' }
      : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('richText' in v) {
      const runs = Array.isArray(v.richText) ? (v.richText as unknown[]) : [];
      return runs.map((r) => String((r as { text?: unknown } | null)?.text ?? '')).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result !== undefined && v.result !== null) {
        return cellValue(v.result as ExcelJS.CellValue);
      }
      return { kind: 'formula', formula: String(v.formula ?? v.sharedFormula ?? '') };
    }
    if ('error' in v) return { kind: 'error', error: String(v.error) };
    if ('text' in v) return cellValue(v.text as ExcelJS.CellValue);
  }
  return { kind: 'error', error: '#VALEUR!' };
}

/** A header cell as text (a date or formula header is no header of ours). */
function headerText(value: ExcelJS.CellValue | undefined): string {
  const v = cellValue(value);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** Reads every sheet as a table (header row 1), within the workbook limits. */
export async function readWorkbookTables(bytes: Uint8Array): Promise<ReadTable[]> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  await checkWorkbookLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw unreadableWorkbook();
  }
  let cellsRead = 0;
  return workbook.worksheets.map((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, c) => {
      headers[c - 1] = headerText(cell.value);
    });
    while (headers.length > 0 && !headers[headers.length - 1]) headers.pop();
    const width = headers.length;
    const rows: ReadTable['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      // A header far to the right (column XFD) must not make every row that wide.
      cellsRead += width;
      if (cellsRead > MAX_WORKBOOK_CELLS) throw cellsTooMany();
      const cells: ReadCell[] = Array.from({ length: width }, (_, c) =>
        cellValue(row.getCell(c + 1).value),
      );
      rows.push({ row: r, cells });
    });
    return { name: sheet.name, headers: Array.from(headers, (h) => h ?? ''), rows };
  });
}

function cellsTooMany(): DocumentError {
  return new DocumentError(
    'too-large',
    `Le classeur contient plus de ${MAX_WORKBOOK_CELLS.toLocaleString('fr-FR')} cellules à lire : Arbitra lit les classeurs d’au plus ${MAX_WORKBOOK_CELLS.toLocaleString('fr-FR')} cellules (toutes feuilles comprises).`,
  );
}

export type WorkbookImport =
  { ok: true; portfolio: Portfolio; warnings: string[] } | { ok: false; problems: Problem[] };

/** Reads a document workbook. Never throws; nothing is written anywhere. */
export async function importDocumentWorkbook(bytes: Uint8Array): Promise<WorkbookImport> {
  let tables: ReadTable[];
  try {
    tables = await readWorkbookTables(bytes);
  } catch (error) {
    const refusal = error instanceof DocumentError ? error : unreadableWorkbook();
    return { ok: false, problems: refusal.problems };
  }
  return documentFromReadTables(tables);
}
