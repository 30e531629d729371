import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError, DocumentStore } from '../../../electron/documents/store';
import { readPortfolioFile } from '../../../electron/documents/files';
import { smallPortfolio, tempDir } from './helpers';

function openError(file: string): DocumentError {
  try {
    DocumentStore.open(file).close();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error('the document was opened');
}

describe('opening a file that is not a readable Arbitra document', () => {
  it('refuses another application’s SQLite database and leaves it as it was', async () => {
    const file = join(tempDir(), 'compta.arbitra');
    const db = new Database(file);
    db.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('a', 'b')");
    db.close();
    const bytes = readFileSync(file);
    const error = openError(file);
    expect(error.code).toBe('not-arbitra');
    expect(error.message).toMatch(/pas un document Arbitra/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const read = await readPortfolioFile(file);
    expect(read.ok).toBe(false);
  });

  it.each([
    ['du texte', 'Bonjour, ceci n’est pas un portefeuille.'],
    ['un fichier vide', ''],
    ['un en-tête SQLite suivi de déchets', 'SQLite format 3\0' + 'x'.repeat(5000)],
  ])('refuses %s as damaged', async (_what, content) => {
    const file = join(tempDir(), 'abime.arbitra');
    writeFileSync(file, content);
    expect(openError(file).code).toBe('corrupt');
    const read = await readPortfolioFile(file);
    expect(read).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });

  it('refuses a document cut in half', async () => {
    const dir = tempDir();
    const file = join(dir, 'entier.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    const bytes = readFileSync(file);
    const cut = join(dir, 'coupe.arbitra');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(['corrupt', 'invalid']).toContain(openError(cut).code);
    expect((await readPortfolioFile(cut)).ok).toBe(false);
  });

  it('says a missing file is missing', async () => {
    const file = join(tempDir(), 'absent.arbitra');
    const error = openError(file);
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/introuvable/);
    expect(await readPortfolioFile(file)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/introuvable/) }],
    });
    expect(await readPortfolioFile(join(tempDir(), 'absent.json'))).toMatchObject({ ok: false });
  });

  it('reports unreadable JSON with where it breaks, without throwing', async () => {
    const file = join(tempDir(), 'casse.json');
    writeFileSync(file, '{\n  "format": "arbitra-portfolio",\n  "version": 1,\n  oups\n}');
    const read = await readPortfolioFile(file);
    expect(read).toMatchObject({
      ok: false,
      problems: [{ path: '', message: expect.stringMatching(/JSON lisible.*ligne 4/) }],
    });
  });

  it('refuses Excel workbooks and unknown extensions with a clear message', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'classeur.xlsx'), 'PK');
    writeFileSync(join(dir, 'notes.txt'), '{}');
    expect(await readPortfolioFile(join(dir, 'classeur.xlsx'))).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/Excel/) }],
    });
    expect(await readPortfolioFile(join(dir, 'notes.txt'))).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/extension/) }],
    });
  });

  it('refuses a JSON document that is not an object', async () => {
    const file = join(tempDir(), 'liste.json');
    writeFileSync(file, '[1, 2, 3]');
    expect((await readPortfolioFile(file)).ok).toBe(false);
  });
});
