import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../electron/api/dispatch';
import { createDispatcher } from '../../../electron/api/dispatch';
import { createHandlers, type HandlersWithLifecycle } from '../../../electron/api/handlers';
import type { ApiReply, DocumentState, Results } from '../../../shared/api/contract';
import { tempApp, tinyPortfolio, type TempApp } from './fixtures';

let app: TempApp;
let opened: HandlersWithLifecycle[] = [];

function start(): { handlers: HandlersWithLifecycle; call: Dispatch } {
  const handlers = createHandlers(app.ctx);
  opened.push(handlers);
  return { handlers, call: createDispatcher(handlers, { log: () => {} }) };
}

function ok<T>(reply: ApiReply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

beforeEach(() => {
  app = tempApp();
  opened = [];
});
afterEach(() => {
  for (const handlers of opened) handlers.dispose();
  app.cleanup();
});

describe('API handlers', () => {
  it('opens a copy of the demo, named after the organisation, on the first current()', async () => {
    const { call } = start();
    const state = ok<DocumentState>(await call('document.current', {}));
    expect(state.name).toBe("Démo – Val d'Exemple.arbitra");
    expect(state.path).toBe(join(app.ctx.documentsDir, state.name));
    expect(state.portfolio.projects.map((p) => p.id)).toEqual(['P01']);
    expect(state.portfolio.customField).toBe('gardé');
    const again = ok<DocumentState>(await call('document.current', {}));
    expect(again.path).toBe(state.path);
  });

  it('numbers a second demo copy instead of replacing the first', async () => {
    const { call } = start();
    const first = ok<DocumentState>(await call('document.openDemo', {}));
    const second = ok<DocumentState>(await call('document.openDemo', {}));
    expect(second.name).toBe("Démo – Val d'Exemple (2).arbitra");
    expect(existsSync(first.path)).toBe(true);
  });

  it('leaves the open document untouched when an import is refused', async () => {
    const { call } = start();
    const before = ok<DocumentState>(await call('document.current', {}));
    const broken = ok<Results['document.import']>(
      await call('document.import', { text: '{\n  "format": ,\n}', name: 'cassé.json' }),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]?.message).toMatch(/ligne 2, colonne 13/);
    const notAPortfolio = ok<Results['document.import']>(
      await call('document.import', { text: '[1, 2]', name: 'liste.json' }),
    );
    expect(notAPortfolio.ok).toBe(false);
    const after = ok<DocumentState>(await call('document.current', {}));
    expect(after).toEqual(before);
    const list = ok<Results['document.list']>(await call('document.list', {}));
    expect(list).toHaveLength(1);
  });

  it('imports valid JSON as a new document named after the file and opens it', async () => {
    const { call } = start();
    await call('document.current', {});
    const text = JSON.stringify(tinyPortfolio('Commune importée'));
    const result = ok<Results['document.import']>(
      await call('document.import', { text, name: 'Budget 2027.json' }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.name).toBe('Budget 2027.arbitra');
    expect(result.state.portfolio.organisation.name).toBe('Commune importée');
    const current = ok<DocumentState>(await call('document.current', {}));
    expect(current.path).toBe(result.state.path);
  });

  it('persists an edit and reopens the last document with it in a new session', async () => {
    const first = start();
    const state = ok<DocumentState>(await first.call('document.current', {}));
    const project = { ...state.portfolio.projects[0]!, name: 'Démarches en ligne v2' };
    const edited = ok<Results['document.edit']>(
      await first.call('document.edit', {
        edit: { label: 'Renommer P01', ops: [{ op: 'project.put', project }] },
        baseRevision: state.revision,
      }),
    );
    expect(edited).toEqual({ ok: true, revision: state.revision + 1 });
    first.handlers.dispose();

    const second = start();
    const reopened = ok<DocumentState>(await second.call('document.current', {}));
    expect(reopened.path).toBe(state.path);
    expect(reopened.revision).toBe(state.revision + 1);
    expect(reopened.portfolio.projects[0]?.name).toBe('Démarches en ligne v2');
  });

  it('reports an edit on a stale revision as a conflict', async () => {
    const { call } = start();
    const state = ok<DocumentState>(await call('document.current', {}));
    const edit = { label: 'Supprimer', ops: [{ op: 'project.delete', id: 'P01' }] };
    ok(await call('document.edit', { edit, baseRevision: state.revision }));
    const stale = await call('document.edit', { edit, baseRevision: state.revision });
    expect(stale.ok === false && stale.error.code).toBe('conflict');
  });

  it('lists recently opened documents, most recent first', async () => {
    const { call } = start();
    const demo = ok<DocumentState>(await call('document.current', {}));
    const fresh = ok<DocumentState>(await call('document.new', { name: 'Plan 2028' }));
    expect(fresh.name).toBe('Plan 2028.arbitra');
    const recent = ok<Results['document.recent']>(await call('document.recent', {}));
    expect(recent.map((r) => r.path)).toEqual([fresh.path, demo.path]);
    expect(recent.every((r) => r.exists)).toBe(true);
    // The page opens a recent document by the handle the list gave, never by path.
    const handle = recent.find((r) => r.path === demo.path)!.handle!;
    ok(await call('document.open', { handle }));
    const reordered = ok<Results['document.recent']>(await call('document.recent', {}));
    expect(reordered.map((r) => r.path)).toEqual([demo.path, fresh.path]);
  });

  it('keeps the chosen language across sessions', async () => {
    const first = start();
    expect(ok<Results['app.info']>(await first.call('app.info', {})).locale).toBe('fr');
    ok(await first.call('settings.setLocale', { locale: 'en' }));
    const second = start();
    const info = ok<Results['app.info']>(await second.call('app.info', {}));
    expect(info).toEqual({
      version: '9.9.9',
      transport: 'web',
      documentsDir: app.ctx.documentsDir,
      locale: 'en',
    });
    const saved = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8'));
    expect(saved.locale).toBe('en');
  });

  it('exports the open document as format-1 JSON with a suggested name', async () => {
    const { call } = start();
    await call('document.current', {});
    const exported = ok<Results['document.export']>(await call('document.export', {}));
    expect(exported.name).toBe("Démo – Val d'Exemple.json");
    expect(JSON.parse(exported.text)).toEqual(tinyPortfolio());
  });

  it('refuses relative paths and unknown extensions for open and save as', async () => {
    const { call, handlers } = start();
    await call('document.current', {});
    const relative = await call('document.open', {
      handle: handlers.grant('doc.arbitra', 'open').handle,
    });
    expect(relative.ok === false && relative.error.code).toBe('bad-path');
    const wrong = await call('document.saveAs', {
      handle: handlers.grant(join(app.dataDir, 'doc.json'), 'save').handle,
    });
    expect(wrong.ok === false && wrong.error.code).toBe('bad-path');
  });

  it('saves as a new file and keeps working on it', async () => {
    const { call, handlers } = start();
    await call('document.current', {});
    const target = join(app.dataDir, 'Copie.arbitra');
    const saved = ok<DocumentState>(
      await call('document.saveAs', { handle: handlers.grant(target, 'save').handle }),
    );
    expect(saved.path).toBe(target);
    const current = ok<DocumentState>(await call('document.current', {}));
    expect(current.path).toBe(target);
  });

  it('opens a .json file by importing it into the documents folder', async () => {
    const { call, handlers } = start();
    const source = join(app.dataDir, '..', 'demo.json');
    // As the native open dialog gives it: a handle bound to the chosen path.
    const { handle } = handlers.grant(source, 'open');
    const state = ok<DocumentState>(await call('document.open', { handle }));
    expect(state.path).toBe(join(app.ctx.documentsDir, 'demo.arbitra'));
  });

  it('falls back to the demo when the last document has disappeared', async () => {
    const first = start();
    const fresh = ok<DocumentState>(await first.call('document.new', {}));
    first.handlers.dispose();
    const { rmSync } = await import('node:fs');
    rmSync(fresh.path);
    const second = start();
    const state = ok<DocumentState>(await second.call('document.current', {}));
    expect(state.name).toMatch(/^Démo/);
  });
});

describe('settings file', () => {
  it('sets an unreadable settings file aside and starts from the defaults', async () => {
    const { mkdirSync, writeFileSync, readdirSync } = await import('node:fs');
    mkdirSync(app.dataDir, { recursive: true });
    writeFileSync(join(app.dataDir, 'settings.json'), '{ not json');
    const { call } = start();
    expect(ok<Results['app.info']>(await call('app.info', {})).locale).toBe('fr');
    expect(readdirSync(app.dataDir).some((f) => f.startsWith('settings.json.illisible-'))).toBe(
      true,
    );
  });

  it('keeps at most ten recent documents', async () => {
    const { call } = start();
    for (let i = 0; i < 12; i++) ok(await call('document.new', { name: `Plan ${i}` }));
    const recent = ok<Results['document.recent']>(await call('document.recent', {}));
    expect(recent).toHaveLength(10);
    expect(recent[0]?.name).toBe('Plan 11.arbitra');
  });
});
