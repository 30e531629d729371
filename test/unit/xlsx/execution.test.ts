/**
 * Execution in workbooks (MODEL.md §9): the document workbook's « Exécution »
 * sheet carries `actuals` (and « Autres champs » the baseline) so that export
 * then import gives back the same document; execution rows are imported into
 * an open document from a document workbook, a finance workbook or an
 * accounting export, merged as shared/model/merge-actuals.ts says, and a
 * refused sheet names sheet, row and column and gives nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  actualsFromTables,
  importActualsWorkbook,
} from '../../../electron/documents/actuals-import';
import {
  exportFinanceWorkbook,
  FINANCE_SHEETS,
} from '../../../electron/documents/finance-workbook';
import {
  exportDocumentWorkbook,
  importDocumentWorkbook,
  readWorkbookTables,
  SHEETS,
} from '../../../electron/documents/xlsx';
import { executionReport } from '../../../shared/engine/execution';
import { financePlan } from '../../../shared/engine/finance';
import { mergeActuals } from '../../../shared/model/merge-actuals';
import { resolveScenario } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { executedPortfolio } from '../../support/executed';

const executed = executedPortfolio;

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An accounting export: one sheet, its own header words, other columns around. */
async function accountingExport(header: string[], rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Export GF');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return bytesOf(workbook);
}

describe('the document workbook’s « Exécution » sheet', () => {
  it.each([3, 8, 21])(
    'gives back the baseline and the actuals after export then import (seed %i)',
    async (seed) => {
      const { doc } = executed(seed);
      const back = await importDocumentWorkbook(await exportDocumentWorkbook(doc));
      if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 3)));
      expect(back.portfolio.baseline).toEqual(doc.baseline);
      expect(back.portfolio.actuals).toEqual(doc.actuals);
      expect(back.portfolio).toEqual(doc);
    },
  );

  it('holds one row per project and year, with the status in words', async () => {
    const { doc } = executed(3);
    const workbook = await workbookOf(await exportDocumentWorkbook(doc));
    const sheet = workbook.getWorksheet(SHEETS.execution)!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Projet',
      'Exercice',
      'Montant payé',
      'État',
    ]);
    expect(sheet.rowCount - 1).toBe(doc.actuals!.length);
    const words = { 'en-cours': 'en cours', livre: 'livré', abandonne: 'abandonné' };
    doc.actuals!.forEach((a, i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([
        a.project,
        a.year,
        a.paid,
      ]);
      expect(row.getCell(4).value).toBe(words[a.status!]);
    });
  });

  it('reports a status it does not know at its cell, and gives no document', async () => {
    const { doc } = executed(3);
    const workbook = await workbookOf(await exportDocumentWorkbook(doc));
    workbook.getWorksheet(SHEETS.execution)!.getRow(3).getCell(4).value = 'presque fini';
    const back = await importDocumentWorkbook(await bytesOf(workbook));
    expect(back).toEqual({
      ok: false,
      problems: [
        {
          path: 'Feuille Exécution, ligne 3, colonne État',
          message:
            '« presque fini » n’est pas un état : « en cours », « livré » ou « abandonné » est attendu.',
        },
      ],
    });
  });
});

describe('importing execution rows into the open document', () => {
  it('merges an accounting export: a row replaced in place, a row added, statuses kept when empty', async () => {
    const { doc } = executed(8);
    const first = doc.actuals![0]!;
    const other = doc.projects.find((p) => !doc.actuals!.some((a) => a.project === p.id))!;
    const bytes = await accountingExport(
      ['Code projet', 'Libellé', 'EXERCICE', 'Montant payé (€)', 'Statut'],
      [
        [first.project, 'ignoré', '2027', '12 345,5', null],
        [other.id, 'nouveau', 2029, 40000, 'Livré'],
        [null, null, null, null, null],
      ],
    );
    const read = await importActualsWorkbook(bytes, doc);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.sheet).toBe('Export GF');
    expect(read.rows).toEqual([
      { project: first.project, year: 2027, paid: 12345.5 },
      { project: other.id, year: 2029, paid: 40000, status: 'livre' },
    ]);
    expect([read.added, read.replaced]).toEqual([1, 1]);
    const merged = mergeActuals(doc.actuals, read.rows).actuals;
    expect(merged).toHaveLength(doc.actuals!.length + 1);
    expect(merged[0]).toEqual({ ...first, paid: 12345.5 });
    expect(merged.slice(1, -1)).toEqual(doc.actuals!.slice(1));
    expect(merged.at(-1)).toEqual({ project: other.id, year: 2029, paid: 40000, status: 'livre' });
    expect(validatePortfolio({ ...doc, actuals: merged }).ok).toBe(true);
  });

  it('reads the finance workbook’s « Exécution » sheet once finance has filled in what was paid', async () => {
    const { doc, plan } = executed(21);
    const report = financePlan(doc, resolveScenario(doc)!, plan);
    const workbook = await workbookOf(await exportFinanceWorkbook(doc, report, 'Référence'));
    const sheet = workbook.getWorksheet(FINANCE_SHEETS.execution)!;
    // The sheet's voted CP are the execution report's, row by row.
    const expected = executionReport(doc, { plan }).projects.flatMap((p) =>
      p.years
        .filter(
          (y) =>
            y.voted !== 0 || doc.actuals!.some((a) => a.project === p.project && a.year === y.year),
        )
        .map((y) => [p.project, y.year, y.voted]),
    );
    const rows: unknown[][] = [];
    sheet.eachRow((row, r) => {
      if (r > 1) rows.push([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value]);
    });
    expect(rows).toEqual(expected);
    // Untouched, it imports as the document's own rows: nothing changes.
    const same = await importActualsWorkbook(await bytesOf(workbook), doc);
    if (!same.ok) throw new Error(JSON.stringify(same.problems));
    expect(mergeActuals(doc.actuals, same.rows).actuals).toEqual(doc.actuals);
    expect(same.added).toBe(0);
    // A year still to pay, filled in: one row added, the others as they were.
    let filled = 0;
    sheet.eachRow((row, r) => {
      if (filled === 0 && r > 1 && row.getCell(5).value === null && row.getCell(3).value === 2029) {
        row.getCell(5).value = 1234;
        row.getCell(6).value = 'en cours';
        filled = r;
      }
    });
    expect(filled).toBeGreaterThan(0);
    const project = sheet.getRow(filled).getCell(1).value as string;
    const read = await importActualsWorkbook(await bytesOf(workbook), doc);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.sheet).toBe('Exécution');
    expect(read.added).toBe(1);
    expect(mergeActuals(doc.actuals, read.rows).actuals.at(-1)).toEqual({
      project,
      year: 2029,
      paid: 1234,
      status: 'en-cours',
    });
  });

  it('refuses a sheet with bad rows, naming sheet, row and column, and gives no rows', async () => {
    const { doc } = executed(3);
    const id = doc.projects[0]!.id;
    const bytes = await accountingExport(
      ['projet', 'exercice', 'montant payé', 'état'],
      [
        ['ZZZ', 2027, 100, null],
        [id, 2027.5, 100, null],
        [id, 2027, -5, null],
        [id, 2028, 100, 'fini'],
        [id, 2029, 'beaucoup', null],
        [id, 2030, 10, null],
        [id, 2030, 20, null],
      ],
    );
    const read = await importActualsWorkbook(bytes, doc);
    expect(read).toEqual({
      ok: false,
      problems: [
        {
          path: 'Feuille Export GF, ligne 2, colonne Projet',
          message: 'le projet « ZZZ » n’est pas dans le document ouvert.',
        },
        {
          path: 'Feuille Export GF, ligne 3, colonne Exercice',
          message: '2027.5 n’est pas un exercice : une année de 2000 à 2100 est attendue.',
        },
        {
          path: 'Feuille Export GF, ligne 4, colonne Montant payé',
          message: '-5 : un montant payé ne peut pas être négatif.',
        },
        {
          path: 'Feuille Export GF, ligne 5, colonne État',
          message:
            '« fini » n’est pas un état : « en cours », « livré » ou « abandonné » est attendu.',
        },
        {
          path: 'Feuille Export GF, ligne 6, colonne Montant payé',
          message: '« beaucoup » n’est pas un nombre.',
        },
        {
          path: 'Feuille Export GF, ligne 8, colonne Exercice',
          message: `le projet « ${id} » a déjà une ligne pour l’exercice 2030 (ligne 7) ; une seule ligne par projet et par exercice.`,
        },
      ],
    });
  });

  it('says which columns are missing, or that no sheet has them', async () => {
    const { doc } = executed(3);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Exécution').addRow(['Projet', 'Montant']);
    const named = await importActualsWorkbook(await bytesOf(workbook), doc);
    expect(named).toEqual({
      ok: false,
      problems: [
        {
          path: 'Feuille Exécution',
          message:
            'la feuille n’a pas les colonnes attendues : « Exercice », « Montant payé » manquent en première ligne.',
        },
      ],
    });
    const none = await importActualsWorkbook(await accountingExport(['A', 'B'], [[1, 2]]), doc);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0]!.message).toMatch(/ni feuille « Exécution »/);
  });

  it('reports the document’s own rules at the row that breaks them: paid beyond the AP is a warning there', async () => {
    const { doc } = executed(8);
    const first = doc.actuals![0]!;
    const p = doc.projects.find((q) => q.id === first.project)!;
    const ap = p.investment.reduce((s, x) => s + x, 0);
    const tables = await readWorkbookTables(
      await accountingExport(
        ['Projet', 'Exercice', 'Montant payé'],
        [[first.project, 2029, ap * 2]],
      ),
    );
    const read = actualsFromTables(tables, doc);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toMatch(/^Feuille Export GF, ligne 2, colonne Montant payé : /);
    expect(read.warnings[0]).toMatch(/l'AP est à réviser/);
  });
});
