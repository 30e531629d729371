import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  exportFinanceWorkbook,
  FINANCE_SHEETS,
} from '../../../electron/documents/finance-workbook';
import {
  exportDocumentWorkbook,
  importDocumentWorkbook,
  SHEETS,
} from '../../../electron/documents/xlsx';
import { financePlan, requiredProjectsPlan } from '../../../shared/engine/finance';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';

const root = join(__dirname, '../../..');
const examples = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function load(path: string): Portfolio {
  return JSON.parse(readFileSync(path, 'utf8')) as Portfolio;
}

const documents: [string, () => Portfolio][] = [
  ['resources/demo.json', () => load(join(root, 'resources/demo.json'))],
  ['test/fixtures/petit.json', () => load(join(examples, 'petit.json'))],
  ['test/fixtures/moyen.json', () => load(join(examples, 'moyen.json'))],
  ['test/fixtures/infaisable.json', () => load(join(examples, 'infaisable.json'))],
];

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The column number of a header in row 1. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, c) => {
    if (cell.value === header) found = c;
  });
  if (!found) throw new Error(`no column ${header} in ${sheet.name}`);
  return found;
}

describe('document workbook', () => {
  it.each(documents)(
    'gives back the same document after export then import: %s',
    async (_, get) => {
      const original = get();
      const bytes = await exportDocumentWorkbook(original);
      const back = await importDocumentWorkbook(bytes);
      if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 5)));
      expect(back.portfolio).toEqual(original);
    },
  );

  it('keeps unknown fields, nulls and empty texts through « Autres champs »', async () => {
    const original = load(join(examples, 'petit.json'));
    const p0 = original.projects[0]!;
    original.projects[0] = { ...p0, usage: '', fixedStart: null, noteInterne: { a: [1, 2] } };
    (original as Record<string, unknown>).origine = 'tableur du DGS';
    const bytes = await exportDocumentWorkbook(original);
    const workbook = await workbookOf(bytes);
    const extra = workbook.getWorksheet(SHEETS.extra)!;
    expect(extra.rowCount).toBeGreaterThan(1);
    const back = await importDocumentWorkbook(bytes);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio).toEqual(original);
    expect(back.portfolio.projects[0]!.fixedStart).toBeNull();
  });

  it('keeps an unknown field on its project when rows are inserted and sorted by hand', async () => {
    const original = load(join(examples, 'petit.json'));
    const third = original.projects[2]!;
    original.projects[2] = { ...third, noteInterne: 'à revoir' };
    const workbook = await workbookOf(await exportDocumentWorkbook(original));
    const extra = workbook.getWorksheet(SHEETS.extra)!;
    const paths: string[] = [];
    extra.eachRow((row, r) => {
      if (r > 1) paths.push(String(row.getCell(1).value));
    });
    expect(paths).toContain(JSON.stringify(['projects', { id: third.id }, 'noteInterne']));
    // Move the project's row to the top: the note follows the project, not the row.
    const sheet = workbook.getWorksheet(SHEETS.projects)!;
    const values = sheet.getRow(4).values as ExcelJS.CellValue[];
    sheet.spliceRows(4, 1);
    sheet.insertRow(2, values.slice(1));
    const back = await importDocumentWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio.projects[0]!.id).toBe(third.id);
    expect(back.portfolio.projects[0]!.noteInterne).toBe('à revoir');
    expect(back.portfolio.projects.filter((p) => 'noteInterne' in p)).toHaveLength(1);
  });

  it('refuses an « Autres champs » path that would reach an object prototype', async () => {
    const workbook = await workbookOf(
      await exportDocumentWorkbook(load(join(examples, 'petit.json'))),
    );
    const extra = workbook.getWorksheet(SHEETS.extra)!;
    extra.addRow([JSON.stringify(['__proto__', 'polluted']), 'true']);
    const row = extra.rowCount;
    const result = await importDocumentWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]!.path).toBe(
        `Feuille Autres champs, ligne ${row}, colonne Emplacement (JSON)`,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('uses French sheet names, frozen header rows and euro formats', async () => {
    const bytes = await exportDocumentWorkbook(load(join(root, 'resources/demo.json')));
    const workbook = await workbookOf(bytes);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(SHEETS)));
    const projects = workbook.getWorksheet(SHEETS.projects)!;
    expect(projects.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const c = columnOf(projects, 'Coût d’investissement an 1');
    expect(projects.getRow(2).getCell(c).numFmt).toContain('€');
  });

  it('reports every bad cell by sheet, row and column, and gives no document', async () => {
    const bytes = await exportDocumentWorkbook(load(join(root, 'resources/demo.json')));
    const workbook = await workbookOf(bytes);
    const projects = workbook.getWorksheet(SHEETS.projects)!;
    const investment = columnOf(projects, 'Coût d’investissement an 1');
    const subsidy = columnOf(projects, 'Taux de subvention');
    const fctva = columnOf(projects, 'Éligible au FCTVA');
    projects.getRow(7).getCell(investment).value = 'beaucoup';
    projects.getRow(9).getCell(fctva).value = 'peut-être';
    const teams = workbook.getWorksheet(SHEETS.budget)!;
    teams.getRow(3).getCell(2).value = 'douze';
    // Not a type error but a rule of the document: reported at its cell too.
    projects.getRow(4).getCell(subsidy).value = 1.5;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importDocumentWorkbook(edited);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => `${p.path} : ${p.message}`);
    expect(lines).toContain(
      'Feuille Projets, ligne 7, colonne Coût d’investissement an 1 : « beaucoup » n’est pas un nombre.',
    );
    expect(
      lines.some((l) =>
        l.startsWith('Feuille Projets, ligne 9, colonne Éligible au FCTVA : « peut-être »'),
      ),
    ).toBe(true);
    expect(lines).toContain(
      'Feuille Budget, ligne 3, colonne Enveloppe d’investissement : « douze » n’est pas un nombre.',
    );
    expect(lines.length).toBe(3);
  });

  it('reports a broken document rule at the cell it comes from', async () => {
    const bytes = await exportDocumentWorkbook(load(join(root, 'resources/demo.json')));
    const workbook = await workbookOf(bytes);
    const projects = workbook.getWorksheet(SHEETS.projects)!;
    projects.getRow(4).getCell(columnOf(projects, 'Taux de subvention')).value = 1.5;
    const result = await importDocumentWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(
      result.problems.every((p) =>
        p.path.startsWith('Feuille Projets, ligne 4, colonne Taux de subvention'),
      ),
    ).toBe(true);
  });

  it('refuses a file that is not a workbook with a sentence, not an exception', async () => {
    const result = await importDocumentWorkbook(Buffer.from('pas un classeur'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/classeur Excel lisible/);
  });

  it('reads a template filled by hand: numbers typed as French text, oui/non', async () => {
    const original = load(join(examples, 'petit.json'));
    const bytes = await exportDocumentWorkbook(original);
    const workbook = await workbookOf(bytes);
    const projects = workbook.getWorksheet(SHEETS.projects)!;
    const c = columnOf(projects, 'Coût d’investissement an 1');
    const amount = original.projects[0]!.investment[0]!;
    projects.getRow(2).getCell(c).value = amount.toLocaleString('fr-FR') + ' €';
    const back = await importDocumentWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.portfolio.projects[0]!.investment[0]).toBe(amount);
  });
});

describe('finance workbook', () => {
  it('has the six sheets and totals equal to financePlan, read back with exceljs', async () => {
    const portfolio = load(join(root, 'resources/demo.json'));
    const scenario = resolveScenario(portfolio, 'priorite-usagers')!;
    expect(scenario.plan?.length).toBeGreaterThan(0);
    const report = financePlan(portfolio, scenario, scenario.plan!);
    const bytes = await exportFinanceWorkbook(portfolio, report, scenario.name);
    const workbook = await workbookOf(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(FINANCE_SHEETS));

    const net = workbook.getWorksheet(FINANCE_SHEETS.netCost)!;
    expect(net.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const totalRow = net.getRow(report.years.length + 2);
    expect(totalRow.getCell(1).value).toBe('Total');
    const t = report.totals;
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => totalRow.getCell(c).value)).toEqual([
      t.gross,
      t.subsidies,
      t.partners,
      t.net,
      t.fctva,
      t.run,
      t.savings,
      t.netCost,
    ]);
    expect(totalRow.getCell(9).numFmt).toContain('€');
    // Each year row: the net cost identity holds on the values read back.
    for (let y = 0; y < report.years.length; y++) {
      const row = net.getRow(y + 2);
      const v = (c: number) => row.getCell(c).value as number;
      expect(v(1)).toBe(report.years[y]);
      expect(v(9)).toBeCloseTo(v(2) - v(3) - v(4) - v(6) + v(7) - v(8), 2);
    }

    // CP sheet: the total row is the sum of the project rows, and within the horizon equals gross.
    const cp = workbook.getWorksheet(FINANCE_SHEETS.cp)!;
    const last = cp.getRow(report.projects.length + 2);
    expect(last.getCell(1).value).toBe('Total');
    report.years.forEach((_, i) => {
      expect(last.getCell(3 + i).value).toBeCloseTo(report.investment.gross[i]!, 2);
    });
    const apSum = report.projects.reduce((s, l) => s + l.ap, 0);
    expect(last.getCell(3 + report.years.length + 1).value).toBeCloseTo(apSum, 2);

    const fctva = workbook.getWorksheet(FINANCE_SHEETS.fctva)!;
    expect(fctva.getRow(report.years.length + 2).getCell(2).value).toBe(t.fctva);
    const operating = workbook.getWorksheet(FINANCE_SHEETS.operating)!;
    const opTotal = operating.getRow(report.years.length + 2);
    expect([opTotal.getCell(2).value, opTotal.getCell(3).value]).toEqual([t.run, t.savings]);
  });

  it('works with the required-projects plan when a scenario has none', async () => {
    const portfolio = load(join(root, 'resources/demo.json'));
    const scenario = resolveScenario(portfolio, 'reference')!;
    const plan = requiredProjectsPlan(portfolio, scenario);
    const report = financePlan(portfolio, scenario, plan);
    const workbook = await workbookOf(await exportFinanceWorkbook(portfolio, report, 'x'));
    const ap = workbook.getWorksheet(FINANCE_SHEETS.ap)!;
    expect(ap.rowCount).toBe(plan.length + 2);
  });
});
