import type { Migration } from './types';

/**
 * The first layout of a `.arbitra` document (see the comment at the top of
 * `store.ts` for what each table holds).
 */
export const migration: Migration = {
  id: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE sections (
        name     TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        json     TEXT
      );
      CREATE TABLE projects (
        id       TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        json     TEXT NOT NULL
      );
      CREATE INDEX projects_position ON projects (position);
    `);
  },
};
