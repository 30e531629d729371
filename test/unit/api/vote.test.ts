/**
 * The API methods of MODEL.md §9: execution rows read from a workbook
 * against the open document (nothing written), and the next budget year's
 * document made in the documents folder and opened, through the real
 * handlers and dispatcher.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/api/dispatch';
import { createHandlers, type HandlersWithLifecycle } from '../../../electron/api/handlers';
import { DocumentStore } from '../../../electron/documents/store';
import type { ApiReply, DocumentState, Results } from '../../../shared/api/contract';
import { prepareRearbitration } from '../../../shared/engine/rearbitration';
import { executedPortfolio } from '../../support/executed';
import { tempApp, type TempApp } from './fixtures';

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

async function openExecuted(seed = 8): Promise<DocumentState> {
  const { doc } = executedPortfolio(seed);
  const imported = ok<Results['document.import']>(
    await call('document.import', { text: JSON.stringify(doc), name: 'Budget 2027.json' }),
  );
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  return imported.state;
}

async function workbook64(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Mandats');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe('document.readActuals', () => {
  it('reads the rows against the open document and writes nothing', async () => {
    const state = await openExecuted();
    const id = state.portfolio.projects[0]!.id;
    const base64 = await workbook64([
      ['Projet', 'Exercice', 'Montant payé', 'État'],
      [id, 2029, 1500, 'en cours'],
    ]);
    const read = ok<Results['document.readActuals']>(
      await call('document.readActuals', { base64, name: 'mandats.xlsx' }),
    );
    expect(read).toMatchObject({
      ok: true,
      sheet: 'Mandats',
      rows: [{ project: id, year: 2029, paid: 1500, status: 'en-cours' }],
    });
    expect(ok<DocumentState>(await call('document.current', {}))).toEqual(state);
  });

  it('refuses a sheet by its cells, and arguments that are not base64', async () => {
    await openExecuted();
    const base64 = await workbook64([
      ['Projet', 'Exercice', 'Montant payé'],
      ['??', 2027, 1],
    ]);
    const read = ok<Results['document.readActuals']>(
      await call('document.readActuals', { base64, name: 'x.xlsx' }),
    );
    expect(read).toEqual({
      ok: false,
      problems: [
        {
          path: 'Feuille Mandats, ligne 2, colonne Projet',
          message: 'le projet « ?? » n’est pas dans le document ouvert.',
        },
      ],
    });
    const bad = await call('document.readActuals', { base64: 'pas du base64 !', name: 'x.xlsx' });
    expect(bad.ok ? null : bad.error.code).toBe('bad-arguments');
  });
});

describe('document.nextYear', () => {
  it('writes the next year’s document in the documents folder, opens it, and keeps the old one', async () => {
    const before = await openExecuted();
    const out = ok<Results['document.nextYear']>(await call('document.nextYear', {}));
    const expected = prepareRearbitration(before.portfolio);
    expect(out.state.name).toBe('Budget 2027 – arbitrage 2028.arbitra');
    expect(out.state.path).toBe(join(app.ctx.documentsDir, out.state.name));
    expect(out.state.portfolio).toEqual(expected.portfolio);
    expect(out.summary).toEqual({
      fromYear: 2028,
      scenarioId: expected.scenarioId,
      carried: { id: 'plan-adopte-2027', name: 'Plan adopté en 2027' },
      continued: expected.continued,
      delivered: expected.delivered,
      abandoned: expected.abandoned,
      forcedOut: expected.forcedOut,
      warnings: expected.warnings,
    });
    // The new one is the open document; the old one is still on disk, unchanged.
    expect(ok<DocumentState>(await call('document.current', {})).path).toBe(out.state.path);
    expect(existsSync(before.path)).toBe(true);
    const old = DocumentStore.open(before.path);
    expect(old.read()).toEqual(before.portfolio);
    old.close();
    // From the new one, the year after: the name does not pile up.
    const again = ok<Results['document.nextYear']>(await call('document.nextYear', {}));
    expect(again.state.name).toBe('Budget 2027 – arbitrage 2029.arbitra');
    expect(again.summary.fromYear).toBe(2029);
  });

  it('refuses a scenario the document does not have', async () => {
    await openExecuted();
    const reply = await call('document.nextYear', { scenario: 'absent' });
    expect(reply.ok ? null : reply.error.code).toBe('bad-arguments');
    expect(ok<Results['document.list']>(await call('document.list', {}))).toHaveLength(1);
  });
});
