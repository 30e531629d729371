/**
 * Nothing let in through a `.arbitra` file: a database holding SQL Arbitra
 * did not put there (trigger, view, table, index, one of our tables
 * redefined) is refused before anything is written to it; migrations run on
 * a copy that replaces the file only once they succeed; a project row whose
 * key is not the id inside it is refused. Each hostile file is generated in a
 * temporary folder, and after each refusal the file must be byte for byte
 * what it was.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portfolioToJson, readPortfolioFile } from '../../../electron/documents/files';
import { MIGRATIONS, type Migration } from '../../../electron/documents/migrations';
import { DocumentError, DocumentStore } from '../../../electron/documents/store';
import { TEMPORARY_PREFIX } from '../../../electron/documents/temporary';
import { smallPortfolio, tempDir } from '../store/helpers';

function document(name = 'doc.arbitra'): { dir: string; file: string } {
  const dir = tempDir('arbitra-hostile-');
  const file = join(dir, name);
  DocumentStore.create(file, smallPortfolio()).close();
  return { dir, file };
}

/** Runs SQL on a document as an attacker with a SQLite tool would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function refusal(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return error as DocumentError;
  }
  throw new Error('the document was accepted');
}

/** Refused by open and by the read-only reader, the file unchanged byte for byte. */
async function expectRefused(file: string, code: string, said: RegExp): Promise<DocumentError> {
  const bytes = readFileSync(file);
  const error = refusal(() => DocumentStore.open(file).close());
  expect(error.code).toBe(code);
  expect(error.message).toMatch(said);
  expect(refusal(() => DocumentStore.readFile(file)).code).toBe(code);
  const read = await readPortfolioFile(file);
  expect(read.ok).toBe(false);
  expect(readFileSync(file).equals(bytes)).toBe(true);
  return error;
}

describe('a .arbitra file holding SQL Arbitra did not write', () => {
  it('refuses a trigger that would tamper with every edit, and writes nothing', async () => {
    const { file } = document();
    tamper(
      file,
      `CREATE TRIGGER piege AFTER UPDATE ON projects BEGIN
         UPDATE projects SET json = json_set(json, '$.name', 'renommé', '$.mandatory', json('false'));
         UPDATE sections SET json = '{"investment":[1,1],"operating":[1,1]}' WHERE name = 'budget';
       END;`,
    );
    const error = await expectRefused(file, 'foreign', /pas créés \(déclencheur « piege »\)/);
    expect(error.message).toMatch(/rien n’y a été écrit/);
  });

  it.each([
    ['a view', 'CREATE VIEW v AS SELECT * FROM projects', /vue « v »/],
    ['a table', 'CREATE TABLE notes (x TEXT)', /table « notes »/],
    ['an index', 'CREATE INDEX i ON projects (json)', /index « i »/],
  ])('refuses %s added to the document', async (_what, sql, said) => {
    const { file } = document();
    tamper(file, sql);
    await expectRefused(file, 'foreign', said);
  });

  it('refuses one of its tables redefined (a CHECK that breaks edits)', async () => {
    const { file } = document();
    tamper(
      file,
      `ALTER TABLE projects RENAME TO old_projects;
       CREATE TABLE projects (id TEXT PRIMARY KEY, position INTEGER NOT NULL,
         json TEXT NOT NULL CHECK (length(json) < 10));
       DROP TABLE old_projects;`,
    );
    await expectRefused(file, 'foreign', /modifiés|pas créés/);
  });

  it('refuses a history table replaced by a never-ending view, without running it', async () => {
    const { file } = document();
    tamper(
      file,
      `DROP TABLE migrations;
       CREATE VIEW migrations AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
         SELECT x AS id, 'initial' AS name, '' AS applied_at FROM c;`,
    );
    await expectRefused(file, 'foreign', /vue « migrations »/);
  });

  it('refuses a file with an empty history before running migration 1 on it', async () => {
    const { file } = document();
    // Migration 1 would record itself in `migrations`: this trigger would fire.
    tamper(
      file,
      `DELETE FROM migrations;
       CREATE TRIGGER piege AFTER INSERT ON migrations BEGIN
         UPDATE sections SET json = 'pas du json' WHERE name = 'organisation';
       END;`,
    );
    const error = await expectRefused(file, 'foreign', /pas créés/);
    expect(error.message).not.toMatch(/already exists/);
  });

  it('refuses a project row whose key is not the id inside it', async () => {
    const { file } = document();
    tamper(file, `UPDATE projects SET json = json_set(json, '$.id', 'P9') WHERE id = 'P1'`);
    await expectRefused(file, 'corrupt', /ligne du projet « P1 » contient le projet « P9 »/);
  });

  it('refuses a project row with no id inside, and a project list stored twice', async () => {
    const { file } = document();
    tamper(file, `UPDATE projects SET json = json_remove(json, '$.id') WHERE id = 'P2'`);
    await expectRefused(file, 'corrupt', /un projet sans identifiant/);
    const other = document('autre.arbitra').file;
    tamper(other, `UPDATE sections SET json = '[]' WHERE name = 'projects'`);
    await expectRefused(other, 'corrupt', /deux fois/);
  });
});

/** One more schema step, as a later version would add; `fail` makes it throw halfway. */
function nextStep(up: Migration['up']): Migration[] {
  return [...MIGRATIONS, { id: MIGRATIONS.length + 1, name: 'etape-test', up }];
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(TEMPORARY_PREFIX));
}

describe('migrations run on a copy', () => {
  it('leave the file as it was, with no backup or temporary file, when a step fails', () => {
    const { dir, file } = document();
    const bytes = readFileSync(file);
    const migrations = nextStep((db) => {
      db.exec('CREATE TABLE moitie (x)');
      throw new Error('panne au milieu de la migration');
    });
    const error = refusal(() => DocumentStore.open(file, { migrations }));
    expect(error.code).toBe('io');
    expect(error.message).not.toMatch(/panne/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('avant-migration'))).toEqual([]);
    // This version still opens it.
    expect(DocumentStore.open(file).read()).toStrictEqual(smallPortfolio());
  });

  it('leave the file as it was when the migrated document would be invalid', () => {
    const { dir, file } = document();
    const bytes = readFileSync(file);
    const migrations = nextStep((db) => {
      db.exec(`UPDATE sections SET json = '{"firstYear": "demain"}' WHERE name = 'horizon'`);
    });
    const error = refusal(() => DocumentStore.open(file, { migrations }));
    expect(error.code).toBe('invalid');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('avant-migration'))).toEqual([]);
  });

  it('replace the file once they succeed, keeping the backup', () => {
    const { dir, file } = document();
    const migrations = nextStep((db) => db.exec('CREATE TABLE etape (x)'));
    const store = DocumentStore.open(file, { migrations });
    expect(store.read()).toStrictEqual(smallPortfolio());
    store.close();
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('avant-migration'))).toHaveLength(1);
    // The migrated file passes the schema check of its new version, and the old
    // version refuses it as too new, not as foreign.
    DocumentStore.open(file, { migrations }).close();
    expect(refusal(() => DocumentStore.open(file)).code).toBe('too-new');
  });
});

describe('fields named like object internals', () => {
  it('keeps a root-level unknown field « __proto__ » through JSON, .arbitra and JSON', async () => {
    const dir = tempDir('arbitra-proto-');
    const raw = portfolioToJson(smallPortfolio()).replace(
      /\n}\n$/,
      ',\n  "__proto__": { "polluted": true },\n  "constructor": 1\n}\n',
    );
    const text = portfolioToJson(JSON.parse(raw) as never);
    expect(text).toContain('"__proto__": {');
    const source = join(dir, 'proto.json');
    writeFileSync(source, text);
    const read = await readPortfolioFile(source);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const file = join(dir, 'proto.arbitra');
    DocumentStore.create(file, read.portfolio).close();
    const store = DocumentStore.open(file);
    const back = store.read();
    store.close();
    expect(portfolioToJson(back)).toBe(text);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
