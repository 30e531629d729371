import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/api/dispatch';
import { createHandlers, type HandlersWithLifecycle } from '../../../electron/api/handlers';
import { FINANCE_SHEETS } from '../../../electron/documents/finance-workbook';
import { exportDocumentWorkbook, SHEETS } from '../../../electron/documents/xlsx';
import type { ApiReply, DocumentState, Results } from '../../../shared/api/contract';
import { financePlan } from '../../../shared/engine/finance';
import { resolveScenario, type Portfolio } from '../../../shared/model/portfolio';
import { tempApp, tinyPortfolio, type TempApp } from '../api/fixtures';

let app: TempApp;
let handlers: HandlersWithLifecycle;
let call: Dispatch;

beforeEach(() => {
  app = tempApp();
  handlers = createHandlers(app.ctx);
  call = createDispatcher(handlers, { log: () => {} });
});
afterEach(() => {
  handlers.dispose();
  app.cleanup();
});

function ok<T>(reply: ApiReply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

function withScenario(): Portfolio {
  const p = tinyPortfolio('Commune du test');
  p.projects[0]!.subsidyRate = 0.2;
  p.projects[0]!.runCost = 1000;
  p.scenarios = [{ id: 'base', name: 'Base', plan: [{ project: 'P01', start: 2027 }] }];
  return p;
}

describe('workbook API methods', () => {
  it('exports the open document as a workbook that imports back as an equal new document', async () => {
    const before = ok<DocumentState>(await call('document.current', {}));
    const file = ok<Results['document.exportXlsx']>(await call('document.exportXlsx', {}));
    expect(file.name).toMatch(/\.xlsx$/);
    const imported = ok<Results['document.importXlsx']>(
      await call('document.importXlsx', { base64: file.base64, name: 'Copie.xlsx' }),
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.state.name).toBe('Copie.arbitra');
    expect(imported.state.portfolio).toEqual(before.portfolio);
  });

  it('leaves the open document untouched when a workbook is refused, listing the cells', async () => {
    const before = ok<DocumentState>(await call('document.current', {}));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exportDocumentWorkbook(withScenario())) as unknown as ArrayBuffer,
    );
    workbook.getWorksheet(SHEETS.criteria)!.getRow(2).getCell(3).value = 'lourd';
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const refused = ok<Results['document.importXlsx']>(
      await call('document.importXlsx', { base64, name: 'faux.xlsx' }),
    );
    expect(refused).toEqual({
      ok: false,
      problems: [
        {
          path: 'Feuille Critères, ligne 2, colonne Poids',
          message: '« lourd » n’est pas un nombre.',
        },
      ],
    });
    const after = ok<DocumentState>(await call('document.current', {}));
    expect(after).toEqual(before);
    expect(ok<Results['document.list']>(await call('document.list', {}))).toHaveLength(1);
  });

  it('refuses arguments that are not base64 before any handler runs', async () => {
    const reply = await call('document.importXlsx', { base64: 'pas du base64 !', name: 'x.xlsx' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('bad-arguments');
    const missing = await call('document.importXlsx', { base64: '' });
    expect(missing.ok).toBe(false);
  });

  it('exports the finance workbook of the scenario plan with financePlan totals', async () => {
    const portfolio = withScenario();
    const imported = ok<Results['document.import']>(
      await call('document.import', { text: JSON.stringify(portfolio), name: 'f.json' }),
    );
    expect(imported.ok).toBe(true);
    const file = ok<Results['document.exportFinanceXlsx']>(
      await call('document.exportFinanceXlsx', { scenario: 'base' }),
    );
    expect(file.plan).toBe('scenario');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const scenario = resolveScenario(portfolio, 'base')!;
    const report = financePlan(portfolio, scenario, scenario.plan!);
    const total = workbook.getWorksheet(FINANCE_SHEETS.netCost)!.getRow(4);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(9).value).toBe(report.totals.netCost);
    // Hand check: 50 000 gross, 10 000 subsidy, FCTVA N+1 = 0.16404 × 50 000 = 8 202 in 2028,
    // run cost 1 000 in 2028: 40 000 − 8 202 + 1 000 = 32 798.
    expect(report.totals.netCost).toBe(32798);

    const unknown = await call('document.exportFinanceXlsx', { scenario: 'absent' });
    expect(unknown.ok).toBe(false);
  });

  it('falls back on the required projects when the scenario has no plan', async () => {
    await call('document.current', {});
    const file = ok<Results['document.exportFinanceXlsx']>(
      await call('document.exportFinanceXlsx', {}),
    );
    expect(file.plan).toBe('required');
  });
});
