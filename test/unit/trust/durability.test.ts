/**
 * A file that cannot be written (read-only, full disk) and two processes on
 * one document.
 *
 * Rule for two writers (processes or windows) on one document: no lock, no
 * refusal to open; SQLite serialises the transactions (WAL, one writer at a
 * time, waiting up to 5 s for the other), and each edit carries the revision
 * it was made on: an edit made on a revision another writer has since
 * replaced is refused (`conflict`) and writes nothing. So the file always
 * holds one serial history, never a mix of two.
 */
import Database from 'better-sqlite3';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { portfolioToJson } from '../../../electron/documents/files';
import { DocumentError, DocumentStore } from '../../../electron/documents/store';
import { project, smallPortfolio, tempDir } from '../store/helpers';
import { startChild } from './child';
import { editCount, expectedAfter, initialDocument } from './crash-edits';

/** Makes every write statement fail as SQLite does on a full disk or a read-only file. */
function failWrites(code: 'SQLITE_FULL' | 'SQLITE_READONLY'): void {
  const original = Database.prototype.prepare;
  vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (
    this: Database.Database,
    sql: string,
  ) {
    if (/^\s*(INSERT|UPDATE|DELETE)/i.test(sql)) {
      const message =
        code === 'SQLITE_FULL'
          ? 'database or disk is full'
          : 'attempt to write a readonly database';
      throw Object.assign(new Error(message), { code });
    }
    return original.call(this, sql);
  } as typeof original);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a document that can no longer be written', () => {
  for (const [code, said] of [
    ['SQLITE_FULL', /disque est plein/],
    ['SQLITE_READONLY', /n’a pas le droit d’écrire/],
  ] as const) {
    it(`says so (${code}), keeps the edit in memory and saves it elsewhere`, () => {
      const dir = tempDir('arbitra-full-');
      const file = join(dir, 'budget.arbitra');
      const store = DocumentStore.create(file, smallPortfolio());
      failWrites(code);
      let error: unknown;
      try {
        store.applyEdit({ label: 'ajout', ops: [{ op: 'project.put', project: project('P9') }] });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DocumentError);
      expect((error as DocumentError).code).toBe('io');
      expect((error as DocumentError).message).toMatch(said);
      expect((error as DocumentError).message).toMatch(/gardée en mémoire.*Enregistrer sous/);
      expect(store.unsaved).toBe(true);
      // A second edit is kept too, on top of the first.
      expect(() =>
        store.applyEdit({ label: 'suppression', ops: [{ op: 'project.delete', id: 'P1' }] }),
      ).toThrow(/gardée en mémoire/);
      const inMemory = store.read().projects.map((p) => p.id);
      expect(inMemory).toEqual(['P2', 'P3', 'P9']);
      vi.restoreAllMocks();

      // The file itself still holds the last version it accepted.
      const onDisk = DocumentStore.readFile(file).portfolio.projects.map((p) => p.id);
      expect(onDisk).toEqual(['P1', 'P2', 'P3']);

      const elsewhere = join(tempDir('arbitra-elsewhere-'), 'copie.arbitra');
      const saved = store.saveAs(elsewhere);
      expect(saved.unsaved).toBe(false);
      expect(saved.read().projects.map((p) => p.id)).toEqual(inMemory);
      saved.applyEdit({ label: 'suite', ops: [{ op: 'project.put', project: project('P10') }] });
      saved.close();
      expect(DocumentStore.readFile(elsewhere).portfolio.projects.map((p) => p.id)).toEqual([
        ...inMemory,
        'P10',
      ]);
    });
  }

  it('refuses to write in a read-only folder with a clear error (not as root)', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; the mocked failures above cover it.
    const dir = tempDir('arbitra-ro-');
    const file = join(dir, 'budget.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      let store: DocumentStore | undefined;
      try {
        store = DocumentStore.open(file);
        store.applyEdit({ label: 'x', ops: [{ op: 'project.delete', id: 'P1' }] });
        throw new Error('the edit should have failed');
      } catch (error) {
        expect(error).toBeInstanceOf(DocumentError);
        expect((error as DocumentError).code).toBe('io');
      } finally {
        store?.close();
      }
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
    }
  });
});

describe('two processes editing one document', () => {
  it('serialise their edits: the file holds one history, every edit once', async () => {
    const dir = tempDir('arbitra-two-');
    const file = join(dir, 'partage.arbitra');
    DocumentStore.create(file, initialDocument()).close();
    const importPath = join(dir, 'import.json');
    const imported = [project('A', 'Importé A')];
    writeFileSync(importPath, portfolioToJson({ ...initialDocument(), projects: imported }));
    const perChild = 40;
    const seed = 77;
    const children = [1, 2].map(() =>
      startChild([file, String(seed), importPath, join(dir, 'export.json'), String(perChild)]),
    );
    const exits = await Promise.all(children.map((c) => c.exited));
    for (const exit of exits)
      expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 0, stderr: '' });

    const store = DocumentStore.open(file);
    const doc = store.read();
    store.close();
    // Each child counts only its own committed edits: none lost, none doubled.
    expect(editCount(doc)).toBe(2 * perChild);
    expect(doc).toEqual(expectedAfter(seed, 2 * perChild, imported));
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
