/**
 * A document written by every earlier schema version opens with this code,
 * is migrated once, and leaves a backup of itself. Fixtures and how to add
 * one: test/fixtures/versions/README.md.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../../electron/documents/migrations';
import { DocumentStore } from '../../../electron/documents/store';
import { tempDir } from '../store/helpers';

const DIR = fileURLToPath(new URL('../../fixtures/versions/', import.meta.url));
const FIXTURES = readdirSync(DIR)
  .map((name) => /^schema-(\d+)\.arbitra$/.exec(name))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ file: m[0], schema: Number(m[1]) }))
  .sort((a, b) => a.schema - b.schema);

function schemaOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/** The current list plus one more step, as the next version of Arbitra will have. */
const NEXT: Migration[] = [
  ...MIGRATIONS,
  {
    id: MIGRATIONS.length + 1,
    name: 'trust-next',
    up(db) {
      db.exec('CREATE TABLE trust_next (id INTEGER PRIMARY KEY)');
    },
  },
];

describe('documents from every schema version', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(FIXTURES.map((f) => f.schema)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  for (const { file, schema } of FIXTURES) {
    const expected: unknown = JSON.parse(
      readFileSync(join(DIR, file.replace('.arbitra', '.json')), 'utf8'),
    );

    it(`opens schema ${schema} and reads it back unchanged`, () => {
      const copy = join(tempDir('arbitra-versions-'), 'ancien.arbitra');
      copyFileSync(join(DIR, file), copy);
      expect(schemaOf(copy)).toBe(schema);
      const store = DocumentStore.open(copy);
      expect(store.read()).toEqual(expected);
      const migrated = schema < MIGRATIONS.length;
      expect(store.warnings.some((w) => w.includes('avant-migration'))).toBe(migrated);
      store.close();
      expect(schemaOf(copy)).toBe(MIGRATIONS.length);
    });

    it(`migrates schema ${schema} to the next schema with a backup that still opens`, () => {
      const dir = tempDir('arbitra-versions-');
      const copy = join(dir, 'ancien.arbitra');
      copyFileSync(join(DIR, file), copy);
      const store = DocumentStore.open(copy, { migrations: NEXT });
      expect(store.read()).toEqual(expected);
      store.close();
      expect(schemaOf(copy)).toBe(NEXT.length);
      const backup = join(dir, `ancien.avant-migration-${NEXT.length}.arbitra`);
      expect(existsSync(backup)).toBe(true);
      expect(schemaOf(backup)).toBe(schema);
      const old = DocumentStore.open(backup, { migrations: NEXT.slice(0, schema) });
      expect(old.read()).toEqual(expected);
      old.close();
    });
  }
});
