/**
 * The « Jugements » sheet of the document workbook and the fields of MODEL.md
 * §8 through it: a document with deadlines, postponements, dated
 * decisions and three members' judgements comes back the same from .xlsx
 * (the judgements in their own sheet, not in « Autres champs »); a sheet
 * filled by hand (fractions typed as text, one member's name in two cases,
 * a member with no comparison yet) reads as the document expects; every bad
 * cell and every broken rule is named by sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportDocumentWorkbook,
  importDocumentWorkbook,
  SHEETS,
} from '../../../electron/documents/xlsx';
import { J } from '../../../electron/documents/workbook-judgements';
import { obligationsPortfolio } from '../../support/obligations';

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The judgements sheet with its rows replaced by `rows` (member, a, b, ratio). */
async function withRows(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = await workbookOf(await exportDocumentWorkbook(obligationsPortfolio()));
  workbook.removeWorksheet(workbook.getWorksheet(SHEETS.judgements)!.id);
  const sheet = workbook.addWorksheet(SHEETS.judgements);
  sheet.addRow([J.member, J.a, J.b, J.ratio]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the « Jugements » sheet', () => {
  it('gives back deadlines, postponements, dated decisions and judgements: JSON → .xlsx → JSON', async () => {
    const original = obligationsPortfolio();
    const bytes = await exportDocumentWorkbook(original);
    const back = await importDocumentWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 5)));
    expect(back.portfolio).toEqual(original);
    expect(JSON.stringify(back.portfolio.criteriaJudgements)).toBe(
      JSON.stringify(original.criteriaJudgements),
    );
    // One row per member and pair, a member without comparison on a row of their own.
    const workbook = await workbookOf(bytes);
    const sheet = workbook.getWorksheet(SHEETS.judgements)!;
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, r) => {
      if (r > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1, 5));
    });
    expect(rows.map((r) => [r[0], r[1] ?? null, r[2] ?? null])).toEqual([
      ['DGS', 'usagers', 'efficience'],
      ['DGS', 'usagers', 'agents'],
      ['DGS', 'strategie', 'usagers'],
      ['DAF', 'efficience', 'usagers'],
      ['DAF', 'agents', 'strategie'],
      ['DSI', null, null],
    ]);
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toEqual([J.member, J.a, J.b, J.ratio]);
    // The judgements are not repeated in « Autres champs ».
    const extra: string[] = [];
    workbook.getWorksheet(SHEETS.extra)!.eachRow((row, r) => {
      if (r > 1) extra.push(String(row.getCell(1).value));
    });
    expect(extra.some((p) => p.includes('criteriaJudgements'))).toBe(false);
  });

  it('reads a sheet filled by hand: fractions as text, a name in two cases, a member without pairs', async () => {
    const back = await importDocumentWorkbook(
      await withRows([
        ['DGS', 'usagers', 'efficience', '1/3'],
        ['DAF', 'agents', 'usagers', ' 1 / 5 '],
        [' dgs ', 'agents', 'strategie', 7],
        ['DSI'],
      ]),
    );
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio.criteriaJudgements).toEqual([
      {
        member: 'DGS',
        pairs: [
          { a: 'usagers', b: 'efficience', ratio: 1 / 3 },
          { a: 'agents', b: 'strategie', ratio: 7 },
        ],
      },
      { member: 'DAF', pairs: [{ a: 'agents', b: 'usagers', ratio: 1 / 5 }] },
      { member: 'DSI', pairs: [] },
    ]);
  });

  it('an empty sheet gives a document without judgements', async () => {
    const back = await importDocumentWorkbook(await withRows([]));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect('criteriaJudgements' in back.portfolio).toBe(false);
  });

  it('names the sheet, row and column of every bad cell and broken rule', async () => {
    const result = await importDocumentWorkbook(
      await withRows([
        ['DGS', 'usagers', 'efficience', 3],
        ['DGS', 'usagers', 'inconnu', 3],
        ['DGS', 'usagers', 'agents', 12],
        ['DAF', 'usagers', 'agents', 'beaucoup'],
        [null, 'usagers', 'agents', 2],
        ['DAF', 'efficience', null, 2],
        ['DAF', 'usagers', 'strategie', '1/0'],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = (row: number, column: string) =>
      `Feuille Jugements, ligne ${row}, colonne ${column}`;
    const paths = result.problems.map((p) => p.path);
    // Cell problems first (nothing is validated while a cell cannot be read).
    expect(paths).toEqual([at(5, J.ratio), at(6, J.member), at(7, J.b), at(8, J.ratio)]);
    expect(result.problems[0]!.message).toMatch(/« beaucoup » n’est pas un nombre/);
    expect(result.problems[3]!.message).toMatch(/ni un nombre ni une fraction/);
  });

  it('reports the document’s rules at the cell: unknown criterion, ratio off the scale', async () => {
    const result = await importDocumentWorkbook(
      await withRows([
        ['DGS', 'usagers', 'efficience', 3],
        ['DGS', 'usagers', 'inconnu', 3],
        ['DGS', 'usagers', 'agents', 12],
        ['DGS', 'efficience', 'usagers', 2],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map(result.problems.map((p) => [p.path, p.message]));
    expect(byPath.get(`Feuille Jugements, ligne 3, colonne ${J.b}`)).toMatch(
      /critère « inconnu » n'existe pas/,
    );
    expect(byPath.get(`Feuille Jugements, ligne 4, colonne ${J.ratio}`)).toMatch(/Saaty/);
    expect(byPath.get('Feuille Jugements, ligne 5')).toMatch(/déjà comparée/);
  });
});
