/**
 * Paths the page may use: the API opens and writes only files the user chose
 * (handles the main process gave out for the recent list, the documents
 * folder and the native dialogs), never a path the page names; saving over an
 * existing document needs the user's confirmation; temporary files left by
 * copies killed in an earlier run are removed at start.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { createDispatcher, type Dispatch } from '../../../electron/api/dispatch';
import { createHandlers, type HandlersWithLifecycle } from '../../../electron/api/handlers';
import { registerIpc } from '../../../electron/main/ipc';
import { CHANNELS } from '../../../electron/app/channels';
import { DocumentStore } from '../../../electron/documents/store';
import {
  cleanTemporaryFiles,
  FOREIGN_TEMPORARY_AGE_MS,
  TEMPORARY_PREFIX,
  temporarySibling,
} from '../../../electron/documents/temporary';
import type { ApiReply, DocumentState, RecentDocument } from '../../../shared/api/contract';
import { tempApp, tinyPortfolio, type TempApp } from '../api/fixtures';

let app: TempApp;
const opened: HandlersWithLifecycle[] = [];

function start(): { handlers: HandlersWithLifecycle; call: Dispatch } {
  const handlers = createHandlers(app.ctx);
  opened.push(handlers);
  return { handlers, call: createDispatcher(handlers, { log: () => {} }) };
}

function ok<T>(reply: ApiReply): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as T;
}

function code(reply: ApiReply): string | undefined {
  return reply.ok ? undefined : reply.error.code;
}

beforeEach(() => {
  app = tempApp();
});
afterEach(() => {
  for (const handlers of opened.splice(0)) handlers.dispose();
  app.cleanup();
});

describe('the API opens only files the user chose', () => {
  it('refuses a path named by the page, and a handle it made up, reading nothing', async () => {
    const { call } = start();
    await call('document.current', {});
    const secret = join(app.dataDir, '..', 'secret.json');
    writeFileSync(secret, JSON.stringify(tinyPortfolio('Secret')));
    expect(code(await call('document.open', { path: secret }))).toBe('bad-arguments');
    expect(code(await call('document.saveAs', { path: secret }))).toBe('bad-arguments');
    const forged = await call('document.open', { handle: 'A'.repeat(24) });
    expect(code(forged)).toBe('bad-grant');
    expect(forged.ok ? '' : forged.error.message).toMatch(/choisissez-le avec « Ouvrir… »/);
    const docs = readdirSync(app.ctx.documentsDir);
    expect(docs.some((name) => name.includes('secret'))).toBe(false);
  });

  it('opens from the recent list and the documents folder by their handles, for this run only', async () => {
    const first = start();
    const demo = ok<DocumentState>(await first.call('document.current', {}));
    ok(await first.call('document.new', { name: 'Plan 2028' }));
    const recent = ok<RecentDocument[]>(await first.call('document.recent', {}));
    const listed = ok<RecentDocument[]>(await first.call('document.list', {}));
    expect(recent.every((r) => typeof r.handle === 'string')).toBe(true);
    const inFolder = listed.find((r) => r.path === demo.path)!;
    const reopened = ok<DocumentState>(
      await first.call('document.open', { handle: inFolder.handle! }),
    );
    expect(reopened.path).toBe(demo.path);
    // An open handle is not a save handle.
    expect(code(await first.call('document.saveAs', { handle: inFolder.handle! }))).toBe(
      'bad-grant',
    );
    // Another run (a restarted server) does not know this run's handles.
    const second = start();
    expect(code(await second.call('document.open', { handle: inFolder.handle! }))).toBe(
      'bad-grant',
    );
  });

  it('the IPC dialogs give the page handles, never paths', async () => {
    const channels = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const { handlers, call } = start();
    await call('document.current', {});
    const chosen = join(app.dataDir, '..', 'demo.json');
    registerIpc({
      ipcMain: { handle: (c: string, h: never) => channels.set(c, h) } as never,
      dispatch: call,
      dialogs: { pickOpenPath: async () => chosen, pickSavePath: async () => chosen },
      dev: null,
      grant: handlers.grant,
    });
    const ours = { senderFrame: { url: 'arbitra://app/index.html' } };
    const grant = (await channels.get(CHANNELS.pickOpenPath)!(ours)) as { handle: string };
    expect(grant).toEqual({ handle: expect.stringMatching(/^[\w-]{24}$/), name: 'demo.json' });
    expect(JSON.stringify(grant)).not.toContain(dirname(chosen));
    const state = ok<DocumentState>(await call('document.open', { handle: grant.handle }));
    expect(state.portfolio.organisation.name).toBe(tinyPortfolio().organisation.name);
  });
});

describe('saving over an existing document', () => {
  it('asks first in the browser: `exists`, the file untouched, then replaced with overwrite', async () => {
    const { call } = start();
    const demo = ok<DocumentState>(await call('document.current', {}));
    const other = ok<DocumentState>(await call('document.new', { name: 'Autre' }));
    const before = readFileSync(demo.path);
    const asked = await call('document.saveAs', { name: basename(demo.path) });
    expect(code(asked)).toBe('exists');
    expect(asked.ok ? '' : asked.error.message).toMatch(/existe déjà.*Confirmez pour le remplacer/);
    expect(readFileSync(demo.path).equals(before)).toBe(true);
    const replaced = ok<DocumentState>(
      await call('document.saveAs', { name: basename(demo.path), overwrite: true }),
    );
    expect(replaced.path).toBe(demo.path);
    expect(replaced.portfolio.organisation.name).toBe(other.portfolio.organisation.name);
  });

  it('saves a new name in the documents folder only', async () => {
    const { call } = start();
    await call('document.current', {});
    const saved = ok<DocumentState>(await call('document.saveAs', { name: 'Copie 2028' }));
    expect(saved.path).toBe(join(app.ctx.documentsDir, 'Copie 2028.arbitra'));
    for (const name of ['../dehors', 'sous/dossier', 'C:\\\\x']) {
      expect(code(await call('document.saveAs', { name }))).toBe('bad-arguments');
    }
    expect(code(await call('document.saveAs', { name: 'a:b?' }))).toBe('bad-path');
  });

  it('replaces without asking again when the native save dialog asked', async () => {
    const { call, handlers } = start();
    const demo = ok<DocumentState>(await call('document.current', {}));
    const target = join(app.dataDir, 'existant.arbitra');
    DocumentStore.create(target, tinyPortfolio('Ancien')).close();
    const unconfirmed = handlers.grant(target, 'save');
    expect(code(await call('document.saveAs', { handle: unconfirmed.handle }))).toBe('exists');
    const confirmed = handlers.grant(target, 'save', true);
    const saved = ok<DocumentState>(await call('document.saveAs', { handle: confirmed.handle }));
    expect(saved.portfolio.organisation.name).toBe(demo.portfolio.organisation.name);
  });
});

/**
 * A copy killed before its rename: a process writes a temporary file named as
 * Arbitra names them (this machine, its own process id) and is killed.
 */
async function killedCopy(folder: string): Promise<string> {
  const template = temporarySibling(join(folder, 'x.arbitra'), 'copie').replace(
    `-${process.pid}-`,
    '-PID-',
  );
  const script = `
    const file = process.argv[1].replace('-PID-', '-' + process.pid + '-');
    require('node:fs').writeFileSync(file, 'copie interrompue');
    process.stdout.write(file + '\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script, template], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const file = await new Promise<string>((resolve) =>
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim())),
  );
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('close', resolve));
  return file;
}

describe('temporary files of killed copies', () => {
  it('are removed at the next start, from the documents folder and the recent folders', async () => {
    mkdirSync(app.ctx.documentsDir, { recursive: true });
    const elsewhere = join(app.dataDir, 'ailleurs');
    mkdirSync(elsewhere, { recursive: true });
    const first = start();
    await first.call('document.current', {});
    const recentTarget = join(elsewhere, 'partage.arbitra');
    DocumentStore.create(recentTarget, tinyPortfolio()).close();
    ok(
      await first.call('document.open', {
        handle: first.handlers.grant(recentTarget, 'open').handle,
      }),
    );
    first.handlers.dispose();

    const leftovers = [await killedCopy(app.ctx.documentsDir), await killedCopy(elsewhere)];
    // Written by the process id of the killed copy, which no longer runs.
    for (const file of leftovers) expect(existsSync(file)).toBe(true);
    const live = temporarySibling(join(elsewhere, 'x.arbitra'), 'copie');
    writeFileSync(live, 'copie en cours dans ce processus');

    start();
    for (const file of leftovers) expect(existsSync(file)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(elsewhere).filter((f) => f.startsWith(TEMPORARY_PREFIX))).toEqual([
      basename(live),
    ]);
  });

  it('of another machine are left a day, then removed', () => {
    const folder = join(app.dataDir, 'reseau');
    mkdirSync(folder, { recursive: true });
    const foreign = join(folder, `${TEMPORARY_PREFIX}00000000-12-abcdef.copie`);
    writeFileSync(foreign, 'copie d’un collègue');
    expect(cleanTemporaryFiles(folder)).toEqual([]);
    const old = (Date.now() - FOREIGN_TEMPORARY_AGE_MS - 60_000) / 1000;
    utimesSync(foreign, old, old);
    expect(cleanTemporaryFiles(folder)).toEqual([basename(foreign)]);
  });
});
