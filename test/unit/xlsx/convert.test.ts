import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main';
import { SHEETS } from '../../../electron/documents/xlsx';

const root = join(__dirname, '../../..');
const demoText = readFileSync(join(root, 'resources/demo.json'), 'utf8');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('arbitra convert with workbooks', () => {
  it('converts JSON to .xlsx, .xlsx to .arbitra and back to the same document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbitra-xlsx-'));
    const source = join(dir, 'demo.json');
    writeFileSync(source, demoText);
    const toXlsx = await run('convert', source, join(dir, 'demo.xlsx'));
    expect(toXlsx.code).toBe(0);
    expect(toXlsx.stdout).toMatch(/converti en « demo\.xlsx »/);
    const toArbitra = await run('convert', join(dir, 'demo.xlsx'), join(dir, 'demo.arbitra'));
    expect(toArbitra.code).toBe(0);
    const back = await run('convert', join(dir, 'demo.arbitra'), join(dir, 'retour.json'));
    expect(back.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'retour.json'), 'utf8'))).toEqual(
      JSON.parse(demoText),
    );
  });

  it('refuses a workbook with a bad cell, names sheet, row and column, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbitra-xlsx-'));
    const source = join(dir, 'demo.json');
    writeFileSync(source, demoText);
    expect((await run('convert', source, join(dir, 'demo.xlsx'))).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'demo.xlsx'));
    const sheet = workbook.getWorksheet(SHEETS.projects)!;
    let column = 0;
    sheet.getRow(1).eachCell((cell, c) => {
      if (cell.value === 'Économies annuelles') column = c;
    });
    sheet.getRow(5).getCell(column).value = 'n/a';
    await workbook.xlsx.writeFile(join(dir, 'modifie.xlsx'));
    const out = join(dir, 'sortie.json');
    const result = await run('convert', join(dir, 'modifie.xlsx'), out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Feuille Projets, ligne 5, colonne Économies annuelles : « n/a » n’est pas un nombre.',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('lets every command read a workbook: finance on the .xlsx equals finance on the .json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbitra-xlsx-'));
    const source = join(dir, 'demo.json');
    writeFileSync(source, demoText);
    expect((await run('convert', source, join(dir, 'demo.xlsx'))).code).toBe(0);
    const args = ['--scenario', 'priorite-usagers', '--json'];
    const fromJson = await run('finance', source, ...args);
    const fromXlsx = await run('finance', join(dir, 'demo.xlsx'), ...args);
    expect(fromXlsx.code).toBe(0);
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });
});
