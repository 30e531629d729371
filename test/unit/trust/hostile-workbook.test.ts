/**
 * Workbooks, hostile or odd: every document the app exports it imports
 * again, identical (ids named like object internals or with brackets,
 * commas, quotes; names with control characters, which a cell cannot hold);
 * an id a cell would change is refused at export naming the field; an
 * ambiguous cell (a date or a formula without value where a number belongs)
 * is refused with its sheet, row and column; a missing « Projets » sheet is
 * one problem; « Autres champs » paths past a list's end are refused, never
 * materialised; the container's limits are checked before exceljs reads.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportDocumentWorkbook,
  importDocumentWorkbook,
  SHEETS,
} from '../../../electron/documents/xlsx';
import { DocumentError } from '../../../electron/documents/document-error';
import { MAX_EXTRA_INDEX } from '../../../electron/documents/workbook-extra';
import { MAX_WORKBOOK_PARTS } from '../../../electron/documents/workbook-limits';
import type { Portfolio } from '../../../shared/model/portfolio';
import { validatePortfolio } from '../../../shared/model/validate';
import { smallPortfolio } from '../store/helpers';
import { zip } from '../../support/zip';

async function roundTrip(doc: Portfolio): Promise<Portfolio> {
  expect(validatePortfolio(doc).ok).toBe(true);
  const back = await importDocumentWorkbook(await exportDocumentWorkbook(doc));
  if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 5)));
  return back.portfolio;
}

async function edited(doc: Portfolio, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportDocumentWorkbook(doc)) as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function column(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

async function problemsOf(bytes: Buffer): Promise<string[]> {
  const result = await importDocumentWorkbook(bytes);
  expect(result.ok).toBe(false);
  return result.ok
    ? []
    : result.problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message));
}

describe('document workbook round trips', () => {
  it('keeps a criterion called « __proto__ » and its scores', async () => {
    const doc = smallPortfolio();
    doc.criteria.push({ id: '__proto__', label: 'Piège', weight: 1 });
    doc.projects.forEach((p, i) => {
      Object.defineProperty(p.scores, '__proto__', {
        value: i + 1,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    const back = await roundTrip(doc);
    expect(back).toEqual(doc);
    expect(Object.keys(back.projects[0]!.scores)).toEqual(['usagers', '__proto__']);
    expect(({} as Record<string, unknown>).usagers).toBeUndefined();
  });

  it('keeps a root-level unknown field « __proto__ » and one called « constructor »', async () => {
    const doc = JSON.parse(
      JSON.stringify(smallPortfolio()).replace(/}$/, ',"__proto__":{"a":1},"constructor":[2]}'),
    ) as Portfolio;
    const back = await roundTrip(doc);
    expect(back).toEqual(doc);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ a: 1 });
    expect(Object.getOwnPropertyDescriptor(back, 'constructor')?.value).toEqual([2]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it('keeps ids with brackets, commas, semicolons, quotes and the _x0041_ notation', async () => {
    const doc = smallPortfolio();
    const ids = ['a]b [c]', 'x, y', 'p;q', '"guillemets"', 'P_x0041_', 'Ω→ü'];
    doc.criteria[0]!.id = 'crit [1]';
    doc.projects = doc.projects.slice(0, 1);
    doc.projects = ids.map((id, i) => ({
      ...structuredClone(smallPortfolio().projects[0]!),
      id,
      scores: { 'crit [1]': i },
      dependsOn: i > 0 ? [ids[i - 1]!] : undefined,
    }));
    for (const p of doc.projects) if (p.dependsOn === undefined) delete p.dependsOn;
    const back = await roundTrip(doc);
    expect(back).toEqual(doc);
  });

  it('keeps names with control characters exactly, shown as « � » in the cell', async () => {
    const doc = smallPortfolio();
    doc.projects[0]!.name = 'Écran \u001b[2J effacé';
    doc.projects[1]!.name = 'ligne\r\nsuivante';
    doc.organisation.name = 'Ville \u0007 _x001B_';
    const bytes = await exportDocumentWorkbook(doc);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEETS.projects)!;
    expect(sheet.getRow(2).getCell(column(sheet, 'Nom')).value).toBe('Écran \ufffd[2J effacé');
    const back = await importDocumentWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio).toEqual(doc);
  });

  it('refuses at export an id a cell would change, naming the field', async () => {
    const doc = smallPortfolio();
    doc.projects[1]!.id = 'P\u001b2';
    let caught: unknown;
    try {
      await exportDocumentWorkbook(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentError);
    expect((caught as DocumentError).problems).toEqual([
      { path: 'projects[1].id', message: expect.stringMatching(/U\+001B/) },
    ]);
  });
});

describe('ambiguous cells', () => {
  const money = 'Coût d’investissement an 1';

  it('refuses a date where an amount belongs, with its sheet, row and column', async () => {
    const bytes = await edited(smallPortfolio(), (wb) => {
      const sheet = wb.getWorksheet(SHEETS.projects)!;
      // As Excel stores a date typed in a cell: a day number with a date format.
      const cell = sheet.getRow(3).getCell(column(sheet, money));
      cell.value = new Date(Date.UTC(2027, 4, 1));
      cell.style = { numFmt: 'dd/mm/yyyy' };
    });
    expect(await problemsOf(bytes)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Feuille Projets, ligne 3, colonne ${money} : la cellule contient une date \\(2027-05-01\\)`,
        ),
      ),
    ]);
  });

  it('refuses a formula without a computed value where an amount belongs', async () => {
    const bytes = await edited(smallPortfolio(), (wb) => {
      const sheet = wb.getWorksheet(SHEETS.budget)!;
      sheet.getRow(2).getCell(2).value = { formula: 'B3*2' } as ExcelJS.CellFormulaValue;
    });
    const problems = await problemsOf(bytes);
    expect(problems).toEqual([
      expect.stringMatching(
        /^Feuille Budget, ligne 2, colonne Enveloppe d’investissement : la cellule contient une formule \(=B3\*2\) dont la valeur n’a pas été calculée/,
      ),
    ]);
    expect(problems.join()).not.toMatch(/object Object/);
  });

  it('reads a formula with its computed value as that value', async () => {
    const doc = smallPortfolio();
    const bytes = await edited(doc, (wb) => {
      const sheet = wb.getWorksheet(SHEETS.budget)!;
      sheet.getRow(2).getCell(2).value = { formula: '500000*2', result: 1_000_000 };
    });
    const back = await importDocumentWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio.budget.investment[0]).toBe(1_000_000);
  });

  it('refuses an error value (#N/A) where a number belongs', async () => {
    const bytes = await edited(smallPortfolio(), (wb) => {
      const sheet = wb.getWorksheet(SHEETS.projects)!;
      sheet.getRow(2).getCell(column(sheet, money)).value = { error: '#N/A' };
    });
    expect((await problemsOf(bytes)).join()).toMatch(/ligne 2.*l’erreur #N\/A/);
  });
});

describe('missing sheets and foreign workbooks', () => {
  it('reports a missing « Projets » sheet once, clearly', async () => {
    const doc = smallPortfolio();
    doc.scenarios = [
      { id: 's', name: 'S', forceIn: ['P1'], plan: [{ project: 'P1', start: 2027 }] },
    ];
    const bytes = await edited(doc, (wb) =>
      wb.removeWorksheet(wb.getWorksheet(SHEETS.projects)!.id),
    );
    expect(await problemsOf(bytes)).toEqual([
      'Feuille Projets : cette feuille manque : elle porte la liste des projets.',
    ]);
  });

  it('says a workbook with none of the expected sheets is not an Arbitra document', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Feuil1').addRow(['Compta', 2027]);
    const problems = await problemsOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/n’est pas un document Arbitra/);
  });

  it('refuses a damaged workbook in French, never with the engine’s English', async () => {
    const good = await exportDocumentWorkbook(smallPortfolio());
    for (const bytes of [
      Buffer.from('PK\u0003\u0004 pas un zip'),
      good.subarray(0, good.length - 30),
    ]) {
      const problems = await problemsOf(bytes);
      expect(problems).toEqual([expect.stringMatching(/n’est pas un classeur Excel lisible/)]);
      expect(problems[0]).not.toMatch(/Cannot|undefined|reading/);
    }
  });

  it('refuses a container with too many parts before reading them', async () => {
    const parts = Array.from({ length: MAX_WORKBOOK_PARTS + 1 }, (_, i) => ({
      name: `x/${i}.xml`,
      data: Buffer.from('<a/>'),
    }));
    expect((await problemsOf(zip(parts))).join()).toMatch(
      new RegExp(`au plus ${MAX_WORKBOOK_PARTS.toLocaleString('fr-FR')} parties`),
    );
  });
});

describe('« Autres champs » paths', () => {
  async function withExtra(rows: [string, string][]): Promise<string[]> {
    const bytes = await edited(smallPortfolio(), (wb) => {
      const extra = wb.getWorksheet(SHEETS.extra)!;
      for (const row of rows) extra.addRow(row);
    });
    return problemsOf(bytes);
  }

  it('refuses an index past the limit, naming it, and never builds the list', async () => {
    const rows = Array.from({ length: 300 }, (_, i): [string, string] => [
      JSON.stringify(['x_liste', i, 999_999]),
      '"x"',
    ]);
    const problems = await withExtra(rows);
    expect(problems).toHaveLength(300);
    expect(problems[0]).toMatch(
      new RegExp(
        `colonne Emplacement \\(JSON\\) : .*l’indice 999999 dépasse la limite de ${MAX_EXTRA_INDEX.toLocaleString('fr-FR')}`,
      ),
    );
  });

  it('refuses an index past the end of the list it names', async () => {
    const problems = await withExtra([
      [JSON.stringify(['projects', { id: 'P1' }, 'investment', 50]), '1'],
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /l’élément 50 d’une liste qui n’en a que 1 : seul un élément existant ou le suivant/,
      ),
    ]);
  });

  it('accepts the next element of a list, and an internal key written {"key": …}', async () => {
    const bytes = await edited(smallPortfolio(), (wb) => {
      const extra = wb.getWorksheet(SHEETS.extra)!;
      extra.addRow([JSON.stringify(['x_liste']), '[1]']);
      extra.addRow([JSON.stringify(['x_liste', 1]), '2']);
      extra.addRow([JSON.stringify([{ key: 'constructor' }]), '"gardé"']);
    });
    const back = await importDocumentWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio.x_liste).toEqual([1, 2]);
    expect(Object.getOwnPropertyDescriptor(back.portfolio, 'constructor')?.value).toBe('gardé');
  });
});
