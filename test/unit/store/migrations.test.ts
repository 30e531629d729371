import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../../electron/documents/migrations';
import { DocumentStore } from '../../../electron/documents/store';
import { readPortfolioFile } from '../../../electron/documents/files';
import { smallPortfolio, tempDir } from './helpers';

function recorded(file: string): { id: number; name: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, name FROM migrations ORDER BY id').all() as {
      id: number;
      name: string;
    }[];
  } finally {
    db.close();
  }
}

/** A second schema step, as a later version of Arbitra would add. */
function withStep(counter: { runs: number }): Migration[] {
  return [
    ...MIGRATIONS,
    {
      id: MIGRATIONS.length + 1,
      name: 'notes',
      up(db) {
        counter.runs += 1;
        db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
      },
    },
  ];
}

describe('the schema history of a document', () => {
  it('records every step applied when the document is created', () => {
    const file = join(tempDir(), 'doc.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    expect(recorded(file)).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies a new step once, after a backup of the older document', () => {
    const dir = tempDir();
    const file = join(dir, 'budget 2027.arbitra');
    const old = DocumentStore.create(file, smallPortfolio());
    old.applyEdit({
      label: 'x',
      ops: [{ op: 'section.put', section: 'mandateEnd', value: '2032-03' }],
    });
    old.close();
    const counter = { runs: 0 };
    const migrations = withStep(counter);

    const store = DocumentStore.open(file, { migrations });
    expect(counter.runs).toBe(1);
    expect(store.revision).toBe(1);
    expect(store.read().mandateEnd).toBe('2032-03');
    expect(store.warnings.join(' ')).toMatch(/budget 2027\.avant-migration-2\.arbitra/);
    store.close();
    expect(recorded(file).map((m) => m.name)).toEqual(migrations.map((m) => m.name));

    const backup = join(dir, 'budget 2027.avant-migration-2.arbitra');
    expect(existsSync(backup)).toBe(true);
    expect(recorded(backup)).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    const saved = DocumentStore.open(backup);
    expect(saved.read().mandateEnd).toBe('2032-03');
    expect(saved.revision).toBe(1);
    saved.close();

    const again = DocumentStore.open(file, { migrations });
    expect(counter.runs).toBe(1);
    expect(again.warnings.join(' ')).not.toMatch(/avant-migration/);
    again.close();
    expect(readdirSync(dir).filter((f) => f.includes('avant-migration'))).toHaveLength(1);
  });

  it('reads an older document without changing its file', async () => {
    const file = join(tempDir(), 'ancien.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    const bytes = readFileSync(file);
    const counter = { runs: 0 };
    const { portfolio } = DocumentStore.readFile(file, { migrations: withStep(counter) });
    expect(counter.runs).toBe(1);
    expect(portfolio).toStrictEqual(smallPortfolio());
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(recorded(file)).toHaveLength(MIGRATIONS.length);
    expect((await readPortfolioFile(file)).ok).toBe(true);
  });

  it('refuses a document whose history disagrees with this version', () => {
    const file = join(tempDir(), 'autre-histoire.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    const renamed = MIGRATIONS.map((m) => ({ ...m, name: `${m.name}-bis` }));
    expect(() => DocumentStore.open(file, { migrations: renamed })).toThrow(
      expect.objectContaining({ code: 'corrupt' }),
    );
  });

  it('refuses a document written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'futur.arbitra');
    DocumentStore.create(file, smallPortfolio(), { migrations: withStep({ runs: 0 }) }).close();
    const bytes = readFileSync(file);
    let caught: unknown;
    try {
      DocumentStore.open(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'too-new' });
    expect((caught as Error).message).toMatch(/version plus récente/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses an Arbitra file whose history table is missing', () => {
    const file = join(tempDir(), 'sans-histoire.arbitra');
    DocumentStore.create(file, smallPortfolio()).close();
    const db = new Database(file);
    db.exec('DROP TABLE migrations');
    db.close();
    expect(() => DocumentStore.open(file)).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });
});
